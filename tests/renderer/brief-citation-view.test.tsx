// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { $createNodeSelection, $createParagraphNode, $createTextNode, $getNodeByKey, $getRoot, $setSelection, KEY_ENTER_COMMAND, type LexicalEditor, type NodeKey } from 'lexical'
import type { EvidentApi } from '@shared/api'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import type { Claim } from '@shared/dto/claims'
import { ApiProvider } from '../../renderer/src/api/context'
import { CitationStore, type Numbering } from '../../renderer/src/features/brief/citations/citation-store'
import { CitationCardPlugin } from '../../renderer/src/features/brief/citations/CitationCardPlugin'
import { CitationClickPlugin } from '../../renderer/src/features/brief/citations/CitationClickPlugin'
import { CitationStoreProvider } from '../../renderer/src/features/brief/citations/CitationStoreContext'
import { CitationViewPlugin } from '../../renderer/src/features/brief/citations/CitationViewPlugin'
import { $createCitationNode } from '../../renderer/src/features/brief/nodes/CitationNode'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'
import { ToastProvider } from '../../renderer/src/ui/Toast'
import { noFiles } from '../helpers/fake-api'

const snap = (claimId: string, statement: string): CitationSnapshot => ({
  claimId,
  statement,
  quote: `The quote of ${claimId}`,
  sourceId: `s-${claimId}`,
  sourceTitle: `Source of ${claimId}`,
  shortCitation: 'Jones 2014',
  paragraph: 3,
})

function mount() {
  const store = new CitationStore()
  const api: EvidentApi = { invoke: (async () => undefined) as unknown as EvidentApi['invoke'], on: () => () => undefined, handleForFile: noFiles }
  const ref: { current: LexicalEditor | null } = { current: null }
  render(
    <ToastProvider>
      <ApiProvider api={api}>
        <CitationStoreProvider store={store}>
          <LexicalComposer initialConfig={{ namespace: 'v', nodes: [...BRIEF_NODES], onError: (e) => { throw e } }}>
            <RichTextPlugin contentEditable={<ContentEditable aria-label="Brief" />} ErrorBoundary={LexicalErrorBoundary} />
            <EditorRefPlugin editorRef={ref} />
            <CitationViewPlugin />
            <CitationCardPlugin />
            <CitationClickPlugin />
          </LexicalComposer>
        </CitationStoreProvider>
      </ApiProvider>
    </ToastProvider>,
  )
  const editor = ref.current!
  const keys: NodeKey[] = []
  act(() =>
    editor.update(
      () => {
        const a = $createCitationNode(snap('a', 'Trusts kept more GPs.'))
        const b = $createCitationNode(snap('b', 'Demand is rising.'))
        keys.push(a.getKey(), b.getKey())
        $getRoot().clear().append($createParagraphNode().append($createTextNode('Some text.'), a, b))
      },
      { discrete: true },
    ),
  )
  const number = (labels: string[], kind: Numbering['kind'] = 'numeric') =>
    act(() => store.setNumbering({ labels: new Map(keys.map((k, i) => [k, labels[i]!])), references: [], kind, fallback: false }))
  const select = (key: NodeKey | null) =>
    act(() =>
      editor.update(
        () => {
          const selection = $createNodeSelection()
          if (key) selection.add(key)
          $setSelection(key ? selection : null)
        },
        { discrete: true },
      ),
    )
  return { editor, store, keys, number, select }
}

const frame = () => act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))))
const wait = (ms: number) => act(() => new Promise((r) => setTimeout(r, ms)))

afterEach(cleanup)

describe('citation labels in the brief', () => {
  it('read as buttons named by their label and statement, numbers as superscripts, and side by side', () => {
    const { number } = mount()
    number(['(1)', '(2)'])
    const first = screen.getByRole('button', { name: 'Citation 1: Trusts kept more GPs.' })
    expect(first.querySelector('sup')?.textContent).toBe('1')
    expect(first.nextElementSibling).toBe(screen.getByRole('button', { name: 'Citation 2: Demand is rising.' }))
    expect(first.className).toContain('brief-citation-host')
    expect(first.className).toContain('citation-numeric')
    number(['(Jones, 2014)', '(Jones, 2014)'], 'author-date')
    const authorDate = screen.getAllByRole('button', { name: 'Citation (Jones, 2014): Trusts kept more GPs.' })[0]!
    expect(authorDate.querySelector('sup')).toBeNull()
    expect(authorDate.textContent).toBe('(Jones, 2014)')
  })

  it('warn when the cited claim was deleted or lost its place in the source', () => {
    const { number, store } = mount()
    number(['(1)', '(2)'])
    act(() => store.setClaims(['a', 'b'], [{ id: 'b', status: 'orphaned', updatedAt: 'x' } as Claim]))
    const deleted = screen.getByRole('button', { name: 'Citation 1: Trusts kept more GPs. — warning: claim deleted' })
    const orphaned = screen.getByRole('button', { name: 'Citation 2: Demand is rising. — warning: claim orphaned' })
    for (const label of [deleted, orphaned]) {
      expect(label.className).toContain('citation-warning')
      expect(label.querySelector('.citation-warning-mark')?.textContent).toBe('!')
    }
  })

  it('selected by the caret, a citation is marked, its card opens, Enter moves into it and Escape closes it', async () => {
    const { editor, number, select, keys } = mount()
    number(['(1)', '(2)'])
    const first = screen.getByRole('button', { name: /^Citation 1:/ })
    const second = screen.getByRole('button', { name: /^Citation 2:/ })
    const changed = new Set<Element>()
    const watch = new MutationObserver((records) => records.forEach((r) => changed.add(r.target as Element)))
    watch.observe(editor.getRootElement()!, { subtree: true, attributes: true, childList: true, characterData: true })

    select(keys[1]!)
    expect(second.className).toContain('citation-selected')
    expect(first.className).not.toContain('citation-selected')
    const card = await screen.findByRole('dialog', { name: 'Citation 2' })
    expect(card.textContent).toContain('Demand is rising.')
    expect(second.getAttribute('aria-expanded')).toBe('true')
    // Only the selected label changed: the others are not repainted on a selection change.
    expect([...changed].every((el) => second.contains(el))).toBe(true)
    watch.disconnect()

    act(() => void editor.dispatchCommand(KEY_ENTER_COMMAND, null))
    await frame()
    expect(document.activeElement?.textContent).toBe('Open in source')
    act(() => void card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(second.getAttribute('aria-expanded')).toBe('false')

    select(null)
    expect(second.className).not.toContain('citation-selected')

    // Deleting a citation whose card is open closes the card.
    act(() => second.focus())
    expect(await screen.findByRole('dialog', { name: 'Citation 2' })).toBeTruthy()
    act(() => editor.update(() => $getNodeByKey(keys[1]!)?.remove(), { discrete: true }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('opens the card of a label that has focus, and Enter on the label goes into the card, not into the text', async () => {
    const { number } = mount()
    number(['(1)', '(2)'])
    const first = screen.getByRole('button', { name: /^Citation 1:/ })
    act(() => first.focus())
    expect((await screen.findByRole('dialog', { name: 'Citation 1' })).textContent).toContain('Trusts kept more GPs.')
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })
    act(() => void first.dispatchEvent(enter))
    expect(enter.defaultPrevented).toBe(true)
    await frame()
    expect(document.activeElement?.textContent).toBe('Open in source')
  })

  it('a click selects the citation (Shift adds the next one), and hovering shows its card after a moment', async () => {
    const { number } = mount()
    number(['(1)', '(2)'])
    const first = screen.getByRole('button', { name: /^Citation 1:/ })
    const second = screen.getByRole('button', { name: /^Citation 2:/ })
    // Lexical commits the click's update in a microtask.
    const click = (el: Element, init?: MouseEventInit) => act(async () => void fireEvent.click(el, init))
    await click(first)
    expect(first.className).toContain('citation-selected')
    await click(second, { shiftKey: true })
    expect(first.className).toContain('citation-selected')
    expect(second.className).toContain('citation-selected')
    // One card, for the citation just added to the selection.
    expect(await screen.findByRole('dialog', { name: 'Citation 2' })).toBeTruthy()
    await click(second)
    expect(first.className).not.toContain('citation-selected')

    fireEvent.mouseOver(first)
    expect(screen.queryByRole('dialog', { name: 'Citation 1' })).toBeNull()
    await wait(300)
    expect(screen.getByRole('dialog', { name: 'Citation 1' })).toBeTruthy()
    fireEvent.mouseOut(first, { relatedTarget: document.body })
    await wait(250)
    expect(screen.queryByRole('dialog', { name: 'Citation 1' })).toBeNull()
  })
})
