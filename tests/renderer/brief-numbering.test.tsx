// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { $createParagraphNode, $createTextNode, $getRoot, $isTextNode, createEditor, type LexicalEditor, type UpdateListenerPayload } from 'lexical'
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin'
import type { EvidentApi } from '@shared/api'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { ApiProvider } from '../../renderer/src/api/context'
import { CitationStore } from '../../renderer/src/features/brief/citations/citation-store'
import { CitationNumberingPlugin } from '../../renderer/src/features/brief/citations/CitationNumberingPlugin'
import { CitationStoreProvider } from '../../renderer/src/features/brief/citations/CitationStoreContext'
import { CitationViewPlugin } from '../../renderer/src/features/brief/citations/CitationViewPlugin'
import { fallbackNumbering, interimNumbering, mayChangeCitations, numbersByFirstAppearance } from '../../renderer/src/features/brief/citations/numbering'
import { $createCitationNode } from '../../renderer/src/features/brief/nodes/CitationNode'
import { $createReferencesNode } from '../../renderer/src/features/brief/nodes/ReferencesNode'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'
import { ToastProvider } from '../../renderer/src/ui/Toast'
import { noFiles } from '../helpers/fake-api'

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
    const uses = [A, B, A2].map((snapshot, i) => ({ id: String(i), uses: [{ nodeKey: String(i), snapshot }] }))
    const n = fallbackNumbering(uses, 'numeric')
    expect([...n.labels.values()]).toEqual(['1', '2', '1'])
    expect(n.references.map((r) => r.text)).toEqual(['Jones 2014. Title of s1', 'Drage 2015. Title of s2'])
    expect([...fallbackNumbering(uses, 'author-date').labels.values()]).toEqual(['(Jones 2014)', '(Drage 2015)', '(Jones 2014)'])
  })
})

function mount(format: EvidentApi['invoke']) {
  const api: EvidentApi = { invoke: format, on: () => () => undefined, handleForFile: noFiles }
  const ref: { current: LexicalEditor | null } = { current: null }
  render(
    <ToastProvider>
      <ApiProvider api={api}>
        <CitationStoreProvider store={new CitationStore()}>
          <LexicalComposer initialConfig={{ namespace: 'n', nodes: [...BRIEF_NODES], onError: (e) => { throw e } }}>
            <RichTextPlugin contentEditable={<ContentEditable aria-label="Brief" />} ErrorBoundary={LexicalErrorBoundary} />
            <EditorRefPlugin editorRef={ref} />
            <CitationViewPlugin />
            <CitationNumberingPlugin style="vancouver" kind="numeric" notes="none" briefId="b1" />
          </LexicalComposer>
        </CitationStoreProvider>
      </ApiProvider>
    </ToastProvider>,
  )
  return ref
}

const labels = () => Array.from(document.querySelectorAll('.citation sup')).map((el) => el.textContent)
const settle = () => act(() => new Promise((r) => setTimeout(r, 300)))

afterEach(cleanup)

/** A citation of B, then one of A inserted above it: A becomes 1 and B 2. */
async function citeLaterThenEarlier(ref: { current: LexicalEditor | null }) {
    await act(async () => ref.current!.update(() => $getRoot().clear().append($createParagraphNode().append($createTextNode('Later.'), $createCitationNode(B)), $createReferencesNode())))
    await settle()
    expect(labels()).toEqual(['1'])
    await act(async () => ref.current!.update(() => $getRoot().getFirstChildOrThrow().insertBefore($createParagraphNode().append($createTextNode('Earlier.'), $createCitationNode(A)))))
    await settle()
    expect(labels()).toEqual(['1', '2'])
}

describe('numbers shown between an edit and the style’s answer', () => {
  const uses = [A, B, A2].map((snapshot, i) => ({ id: String(i), uses: [{ nodeKey: String(i), snapshot }] }))
  const styled = (labels: string[], kind: 'numeric' | 'author-date' = 'numeric') => ({
    labels: new Map(labels.map((l, i) => [String(i), l])),
    references: [{ sourceId: 's1', text: 'Styled reference' }],
    kind,
    fallback: false,
  })

  it('a citation of a deleted claim reads ? and takes no number, as the style leaves it out', () => {
    const n = fallbackNumbering(uses, 'numeric', (u) => u.snapshot.claimId === 'a')
    expect([...n.labels.values()]).toEqual(['?', '1', '2'])
  })

  it('knows whether the style numbers by first appearance (Vancouver) or otherwise', () => {
    expect(numbersByFirstAppearance(uses, styled(['(1)', '(2)', '(1)']))).toBe(true)
    expect(numbersByFirstAppearance(uses, styled(['[?]', '(1)', '(2)']))).toBe(true)
    expect(numbersByFirstAppearance(uses, styled(['(2)', '(1)', '(2)']))).toBe(false)
  })

  it('shows numbers by first appearance at once when they are the style’s, and otherwise waits for the style', () => {
    const inserted = [{ id: 'new', uses: [{ nodeKey: 'new', snapshot: snap('c', 's3', 'Iacobucci 2014') }] }, ...uses]
    const local = fallbackNumbering(inserted, 'numeric')
    const exact = interimNumbering(inserted, local, styled(['(1)', '(2)', '(1)']), true)
    expect([...exact.labels.entries()]).toEqual([['new', '1'], ['0', '2'], ['1', '3'], ['2', '2']])
    expect(exact.references).toEqual([{ sourceId: 's1', text: 'Styled reference' }])
    expect(exact.fallback).toBe(false)

    const waiting = interimNumbering(inserted, local, styled(['(1)', '(2)', '(1)']), false)
    expect(waiting.labels.has('new')).toBe(false)
    expect(waiting.labels.get('0')).toBe('(1)')

    const authorDate = fallbackNumbering(inserted, 'author-date')
    const kept = interimNumbering(inserted, authorDate, styled(['(Jones, 2014)', '(Drage, 2015)', '(Jones, 2014)'], 'author-date'), false)
    expect(kept.labels.has('new')).toBe(false)
    expect(kept.labels.get('1')).toBe('(Drage, 2015)')
    // Nothing from the style yet (just opened): the stand-in, marked as such.
    expect(interimNumbering(inserted, authorDate, fallbackNumbering([], 'author-date'), false)).toBe(authorDate)
  })
})

describe('citation numbering in the editor', () => {
  it('renumbers when a citation is inserted above another, from the style’s own labels', async () => {
    const calls: string[][] = []
    const ref = mount((async (_method: string, args: { clusters: { claimIds: string[] }[] }) => {
      const claimIds = args.clusters.flatMap((c) => c.claimIds)
      calls.push(claimIds)
      const order = [...new Set(claimIds)]
      return { kind: 'numeric', labels: claimIds.map((id) => `(${order.indexOf(id) + 1})`), references: order.map((id) => ({ sourceId: id, text: `Ref ${id}` })) }
    }) as unknown as EvidentApi['invoke'])
    await citeLaterThenEarlier(ref)
    expect(calls.at(-1)).toEqual(['a', 'b'])
    expect(screen.getByLabelText('References (generated)').textContent).toContain('Ref a')
  })

  it('asks since the reply it shows and lays the changed labels over it; a reply it does not hold is asked again in full', async () => {
    const requests: (string | undefined)[] = []
    let replies = 0
    let last: Map<string, string> | null = null
    let crossOnce = false
    const ref = mount((async (_method: string, args: { since?: string; clusters: { id: string; claimIds: string[] }[] }) => {
      requests.push(args.since)
      const order = [...new Set(args.clusters.flatMap((c) => c.claimIds))]
      const labels = args.clusters.map((c) => `(${[...new Set(c.claimIds.map((id) => order.indexOf(id) + 1))].join(',')})`)
      const answer = String(++replies)
      const references = order.map((id) => ({ sourceId: id, text: `Ref ${id}` }))
      const about = { kind: 'numeric', notes: 'none', placement: 'in-text', punctuationInQuote: false, answer }
      const before = last
      last = new Map(args.clusters.map((c, i) => [c.id, labels[i]!]))
      if (args.since === undefined || !before) return { ...about, labels, references }
      // Changes against a reply the editor never saw: it must not lay them over what it holds.
      const since = crossOnce ? 'elsewhere' : args.since
      crossOnce = false
      return { ...about, since, changed: args.clusters.flatMap((c, i) => (before.get(c.id) === labels[i] ? [] : [[c.id, labels[i]]])), references }
    }) as unknown as EvidentApi['invoke'])
    await citeLaterThenEarlier(ref)
    expect(requests).toEqual([undefined, '1'])
    crossOnce = true
    await act(async () => ref.current!.update(() => $getRoot().getFirstChildOrThrow().insertBefore($createParagraphNode().append($createTextNode('First.'), $createCitationNode(A2)))))
    await settle()
    expect(labels()).toEqual(['1', '2', '3'])
    expect(requests.slice(2)).toEqual(['2', undefined])
    expect(screen.getByLabelText('References (generated)').textContent).toBe('Ref a2Ref aRef b')
  })

  it('falls back to numbering by first appearance, quietly, when the style cannot be run', async () => {
    const ref = mount((async () => {
      throw new Error('This part of Evident is not available yet.')
    }) as unknown as EvidentApi['invoke'])
    await act(async () =>
      ref.current!.update(() => $getRoot().clear().append($createParagraphNode().append($createCitationNode(A), $createCitationNode(B), $createCitationNode(A2)), $createReferencesNode())),
    )
    await settle()
    // Side by side they are one cluster: one label, the repeated source's number once.
    expect(labels()).toEqual(['1,2'])
    expect(document.querySelectorAll('.citation-cluster-member')).toHaveLength(2)
    expect(screen.getByLabelText('References (generated)').textContent).toContain('Jones 2014. Title of s1')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('which edits make the numbering look at the brief again', () => {
  function brief() {
    const editor = createEditor({ namespace: 'm', nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
    editor.update(
      () =>
        $getRoot()
          .clear()
          .append(
            $createParagraphNode().append($createTextNode('First.'), $createCitationNode(A)),
            $createParagraphNode().append($createTextNode('Second.'), $createCitationNode(B)),
          ),
      { discrete: true },
    )
    const seen: UpdateListenerPayload[] = []
    editor.registerUpdateListener((payload) => void seen.push(payload))
    const edit = (fn: () => void) => {
      seen.length = 0
      editor.update(fn, { discrete: true })
      return seen.at(-1)!
    }
    return { editor, edit }
  }

  it('not for typing inside text, even though Lexical rewrites the root to cache its text', () => {
    const { edit } = brief()
    const typed = edit(() => {
      const text = $getRoot().getFirstDescendant()
      if ($isTextNode(text)) text.setTextContent('First, and more.')
    })
    expect(mayChangeCitations(typed)).toBe(false)
    expect(mayChangeCitations({ ...typed, dirtyElements: new Map([...typed.dirtyElements, ['root', true]]) })).toBe(false)
  })

  it('for a citation added or removed, a block added or moved, and a whole new state (undo)', () => {
    const { editor, edit } = brief()
    const before = editor.getEditorState()
    expect(mayChangeCitations(edit(() => $getRoot().getFirstChildOrThrow<ReturnType<typeof $createParagraphNode>>().append($createCitationNode(A2))))).toBe(true)
    expect(mayChangeCitations(edit(() => $getRoot().getLastDescendant()!.remove()))).toBe(true)
    expect(mayChangeCitations(edit(() => $getRoot().append($createParagraphNode().append($createTextNode('Third.')))))).toBe(true)
    expect(mayChangeCitations(edit(() => $getRoot().getFirstChildOrThrow().insertBefore($getRoot().getLastChildOrThrow())))).toBe(true)
    const seen: UpdateListenerPayload[] = []
    editor.registerUpdateListener((payload) => void seen.push(payload))
    editor.setEditorState(before)
    expect(mayChangeCitations(seen.at(-1)!)).toBe(true)
  })
})
