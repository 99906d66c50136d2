import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical'
import { COMMENT_SHORTCUT, OPEN_COMMENT_DIALOG_COMMAND } from '../comments/CommentsPlugin'
import { OPEN_CLAIM_PICKER_COMMAND } from '../insert/ClaimPickerPlugin'
import { OPEN_FIGURE_DIALOG_COMMAND } from '../figures/figure-commands'
import { BLOCK_LABELS, setBlockKind, type BlockKind } from './block-format'
import { OPEN_LINK_DIALOG_COMMAND } from './LinkDialogPlugin'
import { BLOCK_SHORTCUTS, LINK_SHORTCUT } from './ShortcutsPlugin'
import { TableTools } from './TableTools'
import { INSERT_TABLE_COMMAND } from '@lexical/table'
import { useToolbarState } from './useToolbarState'

interface ToolProps {
  label: string
  shortcut?: { keys: string; aria: string }
  pressed?: boolean
  disabled?: boolean
  onClick(): void
  children: ReactNode
  stop: boolean
}

function Tool({ label, shortcut, pressed, disabled, onClick, children, stop }: ToolProps) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut.keys})` : label}
      aria-keyshortcuts={shortcut?.aria}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the editor's selection: a toolbar click must not move focus out of the text first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      tabIndex={stop ? 0 : -1}
    >
      {children}
    </button>
  )
}

const BLOCK_TOOLS: { kind: BlockKind; text: ReactNode }[] = [
  { kind: 'paragraph', text: '¶' },
  { kind: 'h2', text: 'H2' },
  { kind: 'h3', text: 'H3' },
  { kind: 'bullet', text: '•≡' },
  { kind: 'number', text: '1≡' },
  { kind: 'quote', text: '❝' },
]

/** The formatting toolbar: one Tab stop, arrow keys move between tools (the WAI-ARIA toolbar pattern). */
export function Toolbar() {
  const [editor] = useLexicalComposerContext()
  const state = useToolbarState()
  const bar = useRef<HTMLDivElement>(null)
  const off = !state.editable

  // Roving tab stop: the toolbar is one Tab stop, and the last tool used keeps it.
  const [stop, setStop] = useState(0)
  let counter = 0
  const at = () => {
    const i = counter++
    return { stop: i === stop }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = Array.from(bar.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])
    const enabled = all.filter((b) => !b.disabled)
    const i = enabled.indexOf(document.activeElement as HTMLButtonElement)
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: enabled.length - 1 }[event.key]
    if (next === undefined || enabled.length === 0) return
    event.preventDefault()
    const target = enabled[(next + enabled.length) % enabled.length]!
    setStop(all.indexOf(target))
    target.focus()
  }

  return (
    <div ref={bar} className="brief-toolbar" role="toolbar" aria-label="Formatting" onKeyDown={onKeyDown}>
      {BLOCK_TOOLS.map(({ kind, text }) => (
        <Tool key={kind} {...at()} label={BLOCK_LABELS[kind]} shortcut={BLOCK_SHORTCUTS[kind]} pressed={state.block === kind} disabled={off} onClick={() => setBlockKind(editor, kind, state.block)}>
          {text}
        </Tool>
      ))}
      <span className="tool-sep" aria-hidden="true" />
      <Tool {...at()} label="Bold" shortcut={{ keys: 'Ctrl+B', aria: 'Control+B' }} pressed={state.bold} disabled={off} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}>
        <b>B</b>
      </Tool>
      <Tool {...at()} label="Italic" shortcut={{ keys: 'Ctrl+I', aria: 'Control+I' }} pressed={state.italic} disabled={off} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}>
        <i>I</i>
      </Tool>
      <Tool {...at()} label="Link" shortcut={LINK_SHORTCUT} pressed={state.link} disabled={off} onClick={() => editor.dispatchCommand(OPEN_LINK_DIALOG_COMMAND, undefined)}>
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
          <path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 013.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 01-3.5-3.5L5.5 8" />
        </svg>
      </Tool>
      <Tool
        {...at()}
        label="Insert a table"
        disabled={off}
        onClick={() => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } })}
      >
        ▦ Table
      </Tool>
      <Tool {...at()} label="Insert a figure" disabled={off} onClick={() => editor.dispatchCommand(OPEN_FIGURE_DIALOG_COMMAND, null)}>
        ▣ Figure
      </Tool>
      <span className="tool-sep" aria-hidden="true" />
      <Tool {...at()} label="Cite a claim" shortcut={{ keys: 'Ctrl+Shift+K or @', aria: 'Control+Shift+K' }} disabled={off} onClick={() => editor.dispatchCommand(OPEN_CLAIM_PICKER_COMMAND, undefined)}>
        @ Cite
      </Tool>
      <Tool {...at()} label="Comment on the selected words" shortcut={COMMENT_SHORTCUT} disabled={off} onClick={() => editor.dispatchCommand(OPEN_COMMENT_DIALOG_COMMAND, undefined)}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round">
          <path d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
        </svg>{' '}
        Comment
      </Tool>
      <span className="tool-sep" aria-hidden="true" />
      <Tool {...at()} label="Undo" shortcut={{ keys: 'Ctrl+Z', aria: 'Control+Z' }} disabled={off || !state.canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}>
        ↶
      </Tool>
      <Tool {...at()} label="Redo" shortcut={{ keys: 'Ctrl+Y', aria: 'Control+Y' }} disabled={off || !state.canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}>
        ↷
      </Tool>
      <TableTools disabled={off} />
    </div>
  )
}
