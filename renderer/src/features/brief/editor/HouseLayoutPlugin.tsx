import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { HeadingNode } from '@lexical/rich-text'
import { $getNodeByKey, $isParagraphNode, $isRootNode, type LexicalEditor, type NodeKey } from 'lexical'
import type { BriefLayout } from '@shared/dto/brief-layout'
import { $sectionRole } from '../nodes/section-role'
import { $paragraphNumbers } from './paragraph-numbers'

/** Puts each block's number on its element (data-number, drawn by editor.css) and takes it off those that lost one. */
function applyNumbers(editor: LexicalEditor, shown: Map<NodeKey, string>, next: Map<NodeKey, string>): void {
  for (const [key, number] of next) {
    const element = editor.getElementByKey(key)
    if (element && element.dataset.number !== number) element.dataset.number = number
  }
  for (const key of shown.keys()) if (!next.has(key)) delete editor.getElementByKey(key)?.dataset.number
}

/**
 * Keeps the numbers right as the analyst writes, without a walk of the brief per keystroke: they are counted
 * again only when an update changed the list of top-level blocks (the root itself was written: a block made,
 * removed or moved), a heading (its role), or whether a top-level paragraph is empty. Typing in a paragraph
 * writes only its text node, so it costs a look at the update's few dirty elements.
 */
function registerNumbering(editor: LexicalEditor): () => void {
  let shown = new Map<NodeKey, string>()
  const recount = () => {
    const next = editor.getEditorState().read($paragraphNumbers)
    applyNumbers(editor, shown, next)
    shown = next
  }
  recount()
  const stop = editor.registerUpdateListener(({ dirtyElements, editorState }) => {
    const changed = editorState.read(() => {
      for (const [key, intentional] of dirtyElements) {
        if (!intentional) continue
        if (key === 'root') return true
        const node = $getNodeByKey(key)
        if (!node || !$isRootNode(node.getParent())) continue
        if (node instanceof HeadingNode) return true
        if ($isParagraphNode(node) && shown.has(key) !== node.getChildrenSize() > 0) return true
      }
      return false
    })
    if (changed) recount()
  })
  return () => {
    stop()
    applyNumbers(editor, shown, new Map())
  }
}

/**
 * Shows the brief's house layout as the export will print it: the numbers (1., 1.1) on their blocks and the
 * key-messages box, drawn by editor.css from the layout's class on the editor's root and each section
 * heading's role on its element (data-role), kept as headings are made and changed.
 */
export function HouseLayoutPlugin({ layout }: { layout: Pick<BriefLayout, 'numberedParagraphs' | 'keyMessagesBox'> }) {
  const [editor] = useLexicalComposerContext()
  const { numberedParagraphs, keyMessagesBox } = layout

  useEffect(
    () =>
      editor.registerRootListener((root) => {
        root?.classList.toggle('numbered-paragraphs', numberedParagraphs)
        root?.classList.toggle('key-messages-box', keyMessagesBox)
      }),
    [editor, numberedParagraphs, keyMessagesBox],
  )

  useEffect(() => (numberedParagraphs ? registerNumbering(editor) : undefined), [editor, numberedParagraphs])

  useEffect(
    () =>
      editor.registerMutationListener(
        HeadingNode,
        (mutations) => {
          editor.getEditorState().read(() => {
            for (const [key, mutation] of mutations) {
              const node = mutation === 'destroyed' ? null : $getNodeByKey(key)
              const element = node && editor.getElementByKey(key)
              if (!node || !element) continue
              const role = $sectionRole(node)
              if (role) element.dataset.role = role
              else delete element.dataset.role
            }
          })
        },
        { skipInitialization: false },
      ),
    [editor],
  )

  return null
}
