import { useEffect, useMemo, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLexicalEditable } from '@lexical/react/useLexicalEditable'
import { $getNodeByKey, $isElementNode, UNDO_COMMAND } from 'lexical'
import { revealBlock } from '../editor/reveal'
import { estimatedPages } from '../model/brief-model'
import { measureAgainstTarget, type TargetLength } from '@shared/dto/brief-layout'
import { useBriefModel } from '../model/BriefModelContext'
import { OutlineItem, type OutlineActions } from './OutlineItem'
import { $addSection, $addSubsection, $moveSection, $moveSectionBefore, $removeSection, $renameSection } from './section-ops'

const OPTIONS = /^options?$/i

/**
 * The brief's sections (and the options under Options), with their word counts, to navigate and restructure;
 * at the foot, the brief's length against its target.
 */
export function OutlinePane({ target }: { target: TargetLength | null }) {
  const [editor] = useLexicalComposerContext()
  const editable = useLexicalEditable()
  const model = useBriefModel()
  const [renamingKey, setRenamingKey] = useState<string | null>(null)
  const [focusKey, setFocusKey] = useState<string | null>(null)
  const [notice, setNotice] = useState<{ text: string; undo: boolean } | null>(null)

  // A moved section re-renders in its new place: give it its focus back once the outline has caught up.
  useEffect(() => {
    if (!focusKey) return
    const el = document.querySelector<HTMLElement>(`[data-outline-key="${focusKey}"]`)
    if (el && document.activeElement !== el) el.focus()
  }, [model, focusKey])

  const actions = useMemo<OutlineActions>(
    () => ({
      go(key) {
        editor.update(() => {
          const node = $getNodeByKey(key)
          if ($isElementNode(node)) node.selectEnd()
        })
        const el = editor.getElementByKey(key)
        if (el) revealBlock(el, 'start')
        editor.focus()
      },
      move(key, direction) {
        let moved = false
        editor.update(() => void (moved = $moveSection(key, direction)), { discrete: true })
        setFocusKey(key)
        if (!moved) setNotice({ text: `This section is already at the ${direction === 'up' ? 'top' : 'bottom'}.`, undo: false })
        else setNotice({ text: `Moved ${direction}.`, undo: false })
      },
      moveBefore(key, targetKey) {
        editor.update(() => void $moveSectionBefore(key, targetKey))
        setFocusKey(key)
      },
      rename(key, title) {
        editor.update(() => void $renameSection(key, title))
      },
      remove(key, title) {
        editor.update(() => void $removeSection(key))
        setNotice({ text: `Removed “${title}”.`, undo: true })
      },
      focusSibling(key, direction) {
        const all = Array.from(document.querySelectorAll<HTMLElement>('.brief-outline [data-outline-key]'))
        const i = all.findIndex((el) => el.dataset.outlineKey === key)
        all[direction === 'up' ? i - 1 : i + 1]?.focus()
        setFocusKey(null)
      },
    }),
    [editor],
  )

  function add() {
    let key = ''
    editor.update(() => void (key = $addSection('New section')), { discrete: true })
    setRenamingKey(key)
  }

  function addOption(sectionKey: string, count: number) {
    let key: string | null = null
    editor.update(() => void (key = $addSubsection(sectionKey, `Option ${count + 1}`)), { discrete: true })
    setRenamingKey(key)
  }

  return (
    <nav className="brief-outline" aria-label="Outline">
      {model.sections.length === 0 ? (
        <p className="empty-state">No sections yet. Add one, or make a line a section heading (Ctrl+Alt+2).</p>
      ) : (
        <ol className="outline-list">
          {model.sections.map((section) => (
            <OutlineItem key={section.key} part={section} level={2} editable={editable} actions={actions} renaming={renamingKey === section.key} onRenameDone={() => setRenamingKey(null)}>
              {(section.children.length > 0 || OPTIONS.test(section.title)) && (
                <ol className="outline-list outline-sublist">
                  {section.children.map((child) => (
                    <OutlineItem key={child.key} part={child} level={3} editable={editable} actions={actions} renaming={renamingKey === child.key} onRenameDone={() => setRenamingKey(null)} />
                  ))}
                  {editable && OPTIONS.test(section.title) && (
                    <li>
                      <button type="button" className="link outline-add-option" onClick={() => addOption(section.key, section.children.length)}>
                        + Add an option
                      </button>
                    </li>
                  )}
                </ol>
              )}
            </OutlineItem>
          ))}
        </ol>
      )}
      {editable && (
        <button type="button" className="outline-add" onClick={add}>
          + Add section
        </button>
      )}
      <p className="outline-notice" role="status">
        {notice?.text}
        {notice?.undo && (
          <>
            {' '}
            <button type="button" className="link" onClick={() => (editor.dispatchCommand(UNDO_COMMAND, undefined), setNotice(null))}>
              Undo
            </button>
          </>
        )}
      </p>
      <p className="outline-total muted">{model.totalWords.toLocaleString('en-GB')} words in total, {estimatedPages(model.totalWords)}</p>
      {target && <TargetState words={model.totalWords} target={target} />}
    </nav>
  )
}

const STATE_WORDS = { over: 'Over the target', within: 'Within the target', under: 'Under the target' } as const

/**
 * Over, within or under the target, in words and colour. The live region holds only the state, so a screen
 * reader hears it when it changes (crossing the target as one types), not each new count.
 */
function TargetState({ words, target }: { words: number; target: TargetLength }) {
  const { state, text } = measureAgainstTarget(words, target)
  return (
    <>
      <p className={`outline-target outline-target-${state}`} data-state={state}>
        {text}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {STATE_WORDS[state]} length
      </p>
    </>
  )
}
