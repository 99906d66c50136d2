import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react'
import type { SourceSummary } from '@shared/dto/sources'

/** A project may hold thousands of sources; the list shows this many matches and asks for more letters. */
export const MAX_SOURCE_MATCHES = 50

export interface SourcePickerProps {
  label: string
  sources: SourceSummary[]
  /** The chosen source's id; undefined means any source. */
  value: string | undefined
  onChange: (id: string | undefined) => void
}

interface Choice {
  id: string | undefined
  title: string
  byline?: string
}

const ANY: Choice = { id: undefined, title: 'Any source' }

export interface SourceMatches {
  matches: SourceSummary[]
  /** How many titles match in all, of which `matches` are the first MAX_SOURCE_MATCHES. */
  total: number
}

/**
 * Sources whose title contains every typed word, best first: titles that start with the text, then those
 * with a word that does, then the rest, each group in the project's order. One pass; only the shown
 * matches are kept, so 10,000 titles cost a fraction of a millisecond per keystroke.
 */
export function matchSources(sources: SourceSummary[], lowered: string[], text: string, max = MAX_SOURCE_MATCHES): SourceMatches {
  const needle = text.trim().toLocaleLowerCase()
  if (!needle) return { matches: sources.slice(0, max), total: sources.length }
  const words = needle.split(/\s+/)
  const groups: SourceSummary[][] = [[], [], []]
  let total = 0
  for (let i = 0; i < sources.length; i++) {
    const title = lowered[i]!
    if (!words.every((w) => title.includes(w))) continue
    total++
    const at = title.indexOf(needle)
    const rank = at === 0 ? 0 : at > 0 && /[^\p{L}\p{N}]/u.test(title[at - 1]!) ? 1 : 2
    const group = groups[rank]!
    if (group.length < max) group.push(sources[i]!)
  }
  return { matches: groups.flat().slice(0, max), total }
}

const optionId = (base: string, index: number) => `${base}-option-${index}`

function byline(source: SourceSummary): string {
  return [source.authors, source.year].filter(Boolean).join(' · ')
}

/**
 * An editable combobox with list autocomplete for choosing one source among thousands: typing narrows the
 * list to the titles that contain the words, arrow keys move through it, Enter chooses, Escape closes and
 * puts back the current choice. Emptying the box and leaving it means "any source". Only the open list's
 * options exist in the DOM, never one per source.
 */
export function SourcePicker({ label, sources, value, onChange }: SourcePickerProps) {
  const base = useId()
  const inputId = `${base}-input`
  const labelId = `${base}-label`
  const listId = `${base}-list`
  const noteId = `${base}-note`
  /** What the analyst has typed since the box was last in sync with the choice; null when it shows the choice. */
  const [text, setText] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)

  const lowered = useMemo(() => sources.map((s) => s.title.toLocaleLowerCase()), [sources])
  const chosen = value === undefined ? undefined : sources.find((s) => s.id === value)
  const chosenTitle = value === undefined ? '' : (chosen?.title ?? 'A source no longer in the project')
  const query = text ?? ''
  const typed = query.trim() !== ''
  const { matches, total } = useMemo(() => matchSources(sources, lowered, query), [sources, lowered, query])
  const choices: Choice[] = useMemo(() => {
    const toChoice = (s: SourceSummary): Choice => ({ id: s.id, title: s.title, byline: byline(s) })
    if (typed) return matches.map(toChoice)
    // Nothing typed: "Any source", then the current choice even when it is not among the first sources.
    const first = chosen && !matches.includes(chosen) ? [chosen, ...matches.slice(0, -1)] : matches
    return [ANY, ...first.map(toChoice)]
  }, [matches, typed, chosen])
  // Past the end (ArrowUp on a closed box asks for the last entry) means the last one.
  const highlighted = Math.min(active, choices.length - 1)

  useEffect(() => {
    if (!open || highlighted < 0) return
    document.getElementById(optionId(base, highlighted))?.scrollIntoView({ block: 'nearest' })
  }, [open, highlighted, base])

  function close() {
    setOpen(false)
    setActive(-1)
    setText(null)
  }

  function choose(choice: Choice) {
    close()
    if (choice.id !== value) onChange(choice.id)
  }

  /** Opening highlights the current choice ("Any source" when there is none), or the last entry. */
  function show(highlightLast = false) {
    setOpen(true)
    setActive(highlightLast ? Number.MAX_SAFE_INTEGER : Math.max(0, choices.findIndex((c) => c.id === value)))
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = choices.length - 1
    const current = highlighted
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!open) show()
        else if (!event.altKey) setActive(Math.min(current + 1, last))
        return
      case 'ArrowUp':
        event.preventDefault()
        if (!open) show(true)
        else setActive(current < 0 ? last : Math.max(current - 1, 0))
        return
      case 'PageDown':
      case 'PageUp':
        if (!open) return
        event.preventDefault()
        setActive(event.key === 'PageDown' ? Math.min(Math.max(current, 0) + 10, last) : Math.max(current - 10, 0))
        return
      case 'Enter': {
        if (!open) return
        event.preventDefault()
        const choice = choices[current]
        if (choice) choose(choice)
        else if (!typed) choose(ANY)
        return
      }
      case 'Escape':
        if (!open) return
        // Only this box's Escape: a dialog or panel around it stays open.
        event.preventDefault()
        event.stopPropagation()
        close()
        return
    }
  }

  const shown = choices.length - (typed ? 0 : 1)
  const count = (n: number, what = 'source') => `${n.toLocaleString('en-GB')} ${what}${n === 1 ? '' : 's'}`
  let note = ''
  if (open && total === 0) note = sources.length === 0 ? 'This project has no sources yet.' : `No source title contains “${query.trim()}”.`
  else if (open && total > shown) note = `Showing ${shown} of ${count(total, typed ? 'matching source' : 'source')}: type part of a title to narrow the list.`
  else if (open) note = typed ? `${count(total)} ${total === 1 ? 'matches' : 'match'}.` : `${count(total)}.`

  return (
    <div className="source-picker">
      <label id={labelId} htmlFor={inputId}>
        {label}
      </label>
      <div className="source-picker-field">
        <input
          id={inputId}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-describedby={noteId}
          aria-activedescendant={open && highlighted >= 0 ? optionId(base, highlighted) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Any source"
          title={text === null ? chosenTitle || undefined : undefined}
          value={text ?? chosenTitle}
          onChange={(e) => {
            setText(e.target.value)
            setOpen(true)
            // The best match is ready for Enter; with nothing typed, "Any source" is.
            setActive(0)
          }}
          onClick={() => !open && show()}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Leaving an emptied box clears the choice; leaving with half-typed text keeps the old one.
            if (text !== null && !text.trim() && value !== undefined) onChange(undefined)
            close()
          }}
        />
        <div className="source-picker-popup" hidden={!open}>
          <ul
            id={listId}
            role="listbox"
            aria-labelledby={labelId}
            // Clicking an option must not take focus from the box (its blur would close the list first).
            onMouseDown={(e) => e.preventDefault()}
          >
            {open &&
              choices.map((choice, i) => (
                <li
                  key={choice.id ?? ''}
                  id={optionId(base, i)}
                  role="option"
                  aria-selected={i === highlighted}
                  data-chosen={choice.id === value || undefined}
                  className={`source-picker-option${choice.id === undefined ? ' is-any' : ''}`}
                  onClick={() => choose(choice)}
                >
                  <span className="source-picker-title">{choice.title}</span>
                  {choice.byline && <span className="source-picker-byline">{choice.byline}</span>}
                </li>
              ))}
          </ul>
          <p id={noteId} className="source-picker-note" role="status">
            {note}
          </p>
        </div>
      </div>
    </div>
  )
}
