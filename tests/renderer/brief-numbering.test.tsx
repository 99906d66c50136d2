// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { $createParagraphNode, $createTextNode, $getRoot, type LexicalEditor } from 'lexical'
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin'
import type { EvidentApi } from '../../electron/shared/api'
import type { CitationSnapshot } from '../../electron/shared/dto/brief-nodes'
import { BriefApiProvider } from '../../renderer/src/features/brief/api-context'
import { CitationStore } from '../../renderer/src/features/brief/citations/citation-store'
import { CitationNumberingPlugin } from '../../renderer/src/features/brief/citations/CitationNumberingPlugin'
import { CitationStoreProvider } from '../../renderer/src/features/brief/citations/CitationStoreContext'
import { fallbackNumbering } from '../../renderer/src/features/brief/citations/numbering'
import { $createCitationNode } from '../../renderer/src/features/brief/nodes/CitationNode'
import { $createReferencesNode } from '../../renderer/src/features/brief/nodes/ReferencesNode'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'
import { ToastProvider } from '../../renderer/src/ui/Toast'

const snap = (claimId: string, sourceId: string, shortCitation: string): CitationSnapshot => ({
  claimId,
  statement: `Statement ${claimId}`,
  quote: 'q',
  sourceId,
  sourceTitle: `Title of ${sourceId}`,
  shortCitation,
  paragraph: 1,
})
const A = snap('a', 's1', 'Jones 2014')
const B = snap('b', 's2', 'Drage 2015')
const A2 = snap('a2', 's1', 'Jones 2014')

describe('stand-in numbering when the style cannot be run', () => {
  it('numbers sources in order of first appearance, the same source keeping its number', () => {
    const uses = [A, B, A2].map((snapshot, i) => ({ nodeKey: String(i), snapshot }))
    const n = fallbackNumbering(uses, 'numeric')
    expect([...n.labels.values()]).toEqual(['1', '2', '1'])
    expect(n.references.map((r) => r.text)).toEqual(['Jones 2014. Title of s1', 'Drage 2015. Title of s2'])
    expect([...fallbackNumbering(uses, 'author-date').labels.values()]).toEqual(['(Jones 2014)', '(Drage 2015)', '(Jones 2014)'])
  })
})

function mount(format: EvidentApi['invoke']) {
  const api: EvidentApi = { invoke: format, on: () => () => undefined }
  const ref: { current: LexicalEditor | null } = { current: null }
  render(
    <ToastProvider>
      <BriefApiProvider value={api}>
        <CitationStoreProvider store={new CitationStore()}>
          <LexicalComposer initialConfig={{ namespace: 'n', nodes: [...BRIEF_NODES], onError: (e) => { throw e } }}>
            <RichTextPlugin contentEditable={<ContentEditable aria-label="Brief" />} ErrorBoundary={LexicalErrorBoundary} />
            <EditorRefPlugin editorRef={ref} />
            <CitationNumberingPlugin style="vancouver" kind="numeric" />
          </LexicalComposer>
        </CitationStoreProvider>
      </BriefApiProvider>
    </ToastProvider>,
  )
  return ref
}

const labels = () => Array.from(document.querySelectorAll('.citation sup')).map((el) => el.textContent)
const settle = () => act(() => new Promise((r) => setTimeout(r, 300)))

afterEach(cleanup)

describe('citation numbering in the editor', () => {
  it('renumbers when a citation is inserted above another, from the style’s own labels', async () => {
    const calls: string[][] = []
    const ref = mount((async (_method: string, args: { claimIds: string[] }) => {
      calls.push(args.claimIds)
      const order = [...new Set(args.claimIds)]
      return { kind: 'numeric', labels: args.claimIds.map((id) => `(${order.indexOf(id) + 1})`), references: order.map((id) => ({ sourceId: id, text: `Ref ${id}` })) }
    }) as unknown as EvidentApi['invoke'])
    await act(async () => ref.current!.update(() => $getRoot().clear().append($createParagraphNode().append($createTextNode('Later.'), $createCitationNode(B)), $createReferencesNode())))
    await settle()
    expect(labels()).toEqual(['1'])
    await act(async () => ref.current!.update(() => $getRoot().getFirstChildOrThrow().insertBefore($createParagraphNode().append($createTextNode('Earlier.'), $createCitationNode(A)))))
    await settle()
    expect(labels()).toEqual(['1', '2'])
    expect(calls.at(-1)).toEqual(['a', 'b'])
    expect(screen.getByLabelText('References (generated)').textContent).toContain('Ref a')
  })

  it('falls back to numbering by first appearance, quietly, when the style cannot be run', async () => {
    const ref = mount((async () => {
      throw new Error('This part of Evident is not available yet.')
    }) as unknown as EvidentApi['invoke'])
    await act(async () =>
      ref.current!.update(() => $getRoot().clear().append($createParagraphNode().append($createCitationNode(A), $createCitationNode(B), $createCitationNode(A2)), $createReferencesNode())),
    )
    await settle()
    expect(labels()).toEqual(['1', '2', '1'])
    expect(screen.getByLabelText('References (generated)').textContent).toContain('Jones 2014. Title of s1')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
