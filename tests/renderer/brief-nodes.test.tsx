// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html'
import { $createParagraphNode, $createTextNode, $getRoot, $isDecoratorNode, createEditor, type LexicalEditor } from 'lexical'
import type {
  CitationSnapshot,
  SerializedCitationNode,
  SerializedEvidenceQuoteNode,
  SerializedReferencesNode,
} from '@shared/dto/brief-nodes'
import { $createCitationNode, $isCitationNode, CitationNode } from '../../renderer/src/features/brief/nodes/CitationNode'
import { $createEvidenceQuoteNode, $isEvidenceQuoteNode, EvidenceQuoteNode } from '../../renderer/src/features/brief/nodes/EvidenceQuoteNode'
import { $createReferencesNode, $isReferencesNode } from '../../renderer/src/features/brief/nodes/ReferencesNode'
import { $createFigureNode } from '../../renderer/src/features/brief/nodes/FigureNode'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'
import { requireNodes } from '../../renderer/src/features/brief/nodes/require-nodes'

const snapshot: CitationSnapshot = {
  claimId: 'c1',
  statement: 'Practices run by trusts kept more GPs.',
  quote: 'retention improved in vertically integrated practices',
  sourceId: 's1',
  sourceTitle: 'Vertical integration in primary care',
  shortCitation: 'Iacobucci 2014',
  paragraph: 12,
  page: '4',
}

function editor(): LexicalEditor {
  return createEditor({ namespace: 'test', nodes: [...BRIEF_NODES], onError: (e) => { throw e } })
}

/** Builds a document with one of each node, saves it as JSON, loads that JSON into a new editor and saves again. */
function roundTrip(): { first: unknown[]; second: unknown[] } {
  const a = editor()
  a.update(
    () => {
      const p = $createParagraphNode()
      p.append($createCitationNode(snapshot))
      $getRoot().clear().append(p, $createEvidenceQuoteNode({ ...snapshot, page: undefined } as CitationSnapshot), $createReferencesNode())
    },
    { discrete: true },
  )
  const json = JSON.stringify(a.getEditorState().toJSON())
  const b = editor()
  b.setEditorState(b.parseEditorState(json))
  const first = (JSON.parse(json) as { root: { children: unknown[] } }).root.children
  const second = b.getEditorState().toJSON().root.children as unknown[]
  return { first, second }
}

describe('brief nodes serialise to the contract in dto/brief-nodes.ts', () => {
  it('writes a citation as exactly { type, version: 1, claimId, snapshot }', () => {
    const { first } = roundTrip()
    const citation = (first[0] as { children: unknown[] }).children[0]
    const expected: SerializedCitationNode = { type: 'citation', version: 1, claimId: 'c1', snapshot }
    expect(citation).toStrictEqual(expected)
  })

  it('writes an evidence quote without an undefined page key, and references as { type, version: 1 }', () => {
    const { first } = roundTrip()
    const { page: _page, ...withoutPage } = snapshot
    const quote: SerializedEvidenceQuoteNode = { type: 'evidence-quote', version: 1, claimId: 'c1', snapshot: withoutPage }
    const references: SerializedReferencesNode = { type: 'references', version: 1 }
    expect(first[1]).toStrictEqual(quote)
    expect(Object.keys((first[1] as SerializedEvidenceQuoteNode).snapshot)).not.toContain('page')
    expect(first[2]).toStrictEqual(references)
  })

  it('reads back what it wrote, unchanged', () => {
    const { first, second } = roundTrip()
    expect(second).toStrictEqual(first)
  })

  it('keeps a damaged stored snapshot readable instead of failing the document', () => {
    const a = editor()
    const damaged = { type: 'citation', version: 1, claimId: 'c9', snapshot: { statement: 42, paragraph: 'x' } }
    const state = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [damaged] }] } }
    a.setEditorState(a.parseEditorState(JSON.stringify(state)))
    const exported = a.getEditorState().read(() => {
      const node = $getRoot().getFirstDescendant()
      expect(node).toBeInstanceOf(CitationNode)
      return $isCitationNode(node) ? node.exportJSON() : null
    })
    expect(exported).toStrictEqual({
      type: 'citation',
      version: 1,
      claimId: 'c9',
      snapshot: { claimId: 'c9', statement: '', quote: '', sourceId: null, sourceTitle: '', shortCitation: '', paragraph: 0 },
    })
  })
})

describe('type guards', () => {
  it('$isCitationNode narrows only citation nodes', () => {
    const a = editor()
    a.update(
      () => {
        const citation = $createCitationNode(snapshot)
        const quote = $createEvidenceQuoteNode(snapshot)
        const paragraph = $createParagraphNode()
        expect($isCitationNode(citation)).toBe(true)
        expect($isCitationNode(quote)).toBe(false)
        expect($isCitationNode(paragraph)).toBe(false)
        expect($isCitationNode(null)).toBe(false)
        expect($isCitationNode(undefined)).toBe(false)
        expect($isEvidenceQuoteNode(quote)).toBe(true)
        expect($isEvidenceQuoteNode(citation)).toBe(false)
        expect($isReferencesNode($createReferencesNode())).toBe(true)
        expect($isReferencesNode(citation)).toBe(false)
        expect($isDecoratorNode(citation)).toBe(true)
        if ($isCitationNode(citation)) expect(citation.getClaimId()).toBe('c1')
        expect(citation.isInline()).toBe(true)
        expect(quote.isInline()).toBe(false)
        expect(quote).toBeInstanceOf(EvidenceQuoteNode)
      },
      { discrete: true },
    )
  })
})

describe('copying and pasting claim-bearing nodes as HTML', () => {
  /** Exports one citation and one evidence quote as HTML, then imports that HTML into a fresh editor. */
  function htmlRoundTrip(): { html: string; nodes: unknown[] } {
    const a = editor()
    a.update(
      () => {
        const p = $createParagraphNode()
        p.append($createCitationNode(snapshot))
        $getRoot().clear().append(p, $createEvidenceQuoteNode(snapshot))
      },
      { discrete: true },
    )
    const html = a.getEditorState().read(() => $generateHtmlFromNodes(a, null))
    const b = editor()
    b.update(
      () => {
        const dom = new DOMParser().parseFromString(html, 'text/html')
        $getRoot().clear().append(...$generateNodesFromDOM(b, dom))
      },
      { discrete: true },
    )
    return { html, nodes: b.getEditorState().toJSON().root.children as unknown[] }
  }

  it('other apps get the short citation and the quote as text', () => {
    const { html } = htmlRoundTrip()
    const dom = new DOMParser().parseFromString(html, 'text/html')
    expect(dom.body.querySelector('span[data-claim-id="c1"]')?.textContent).toBe(' (Iacobucci 2014)')
    expect(dom.body.querySelector('blockquote')?.textContent).toBe('“retention improved in vertically integrated practices” (Iacobucci 2014)')
  })

  it('a brief gets the same citation and evidence quote back, snapshot and all', () => {
    const { nodes } = htmlRoundTrip()
    const citation = (nodes[0] as { children: unknown[] }).children.find((n) => (n as { type: string }).type === 'citation')
    expect(citation).toStrictEqual({ type: 'citation', version: 1, claimId: 'c1', snapshot })
    expect(nodes.find((n) => (n as { type: string }).type === 'evidence-quote')).toStrictEqual({ type: 'evidence-quote', version: 1, claimId: 'c1', snapshot })
  })

  it('HTML whose snapshot attribute is not ours imports as text, not as a citation', () => {
    const b = editor()
    b.update(
      () => {
        const dom = new DOMParser().parseFromString('<p>a<span data-evident-claim="{not json">b</span></p>', 'text/html')
        $getRoot().clear().append(...$generateNodesFromDOM(b, dom))
      },
      { discrete: true },
    )
    expect(JSON.stringify(b.getEditorState().toJSON())).not.toContain('"citation"')
  })
})

describe('plain text of a brief', () => {
  it('reads a citation as its short citation and an evidence quote as the quote with its attribution', () => {
    const a = editor()
    a.update(
      () => {
        const p = $createParagraphNode()
        p.append($createTextNode('Retention improved.'), $createCitationNode(snapshot))
        $getRoot().clear().append(p, $createEvidenceQuoteNode({ ...snapshot, shortCitation: '' }))
      },
      { discrete: true },
    )
    const content = a.getEditorState().read(() => $getRoot().getTextContent())
    expect(content).toBe('Retention improved. (Iacobucci 2014)\n\n“retention improved in vertically integrated practices” (Vertical integration in primary care)')
  })
})

describe('a claim-bearing node keeps its snapshot as given', () => {
  it('never lets the stored snapshot be changed behind Lexical’s back', () => {
    const a = editor()
    a.update(
      () => {
        const given = { ...snapshot }
        const node = $createCitationNode(given)
        given.statement = 'changed afterwards'
        expect(node.getSnapshot().statement).toBe(snapshot.statement)
        expect(Object.isFrozen(node.exportJSON().snapshot)).toBe(true)
        const updated = node.setSnapshot({ ...snapshot, statement: 'revised' })
        expect(updated.getSnapshot().statement).toBe('revised')
      },
      { discrete: true },
    )
  })
})

describe('plugins that need our nodes', () => {
  it('say plainly which nodes an editor is missing', () => {
    const bare = createEditor({ namespace: 'bare', nodes: [], onError: (e) => { throw e } })
    expect(() => requireNodes(bare, 'CitationViewPlugin', [CitationNode, EvidenceQuoteNode])).toThrow(
      'CitationViewPlugin: the editor does not register CitationNode, EvidenceQuoteNode; create it with BRIEF_NODES.',
    )
    expect(() => requireNodes(editor(), 'CitationViewPlugin', [CitationNode, EvidenceQuoteNode])).not.toThrow()
  })
})

describe('how the nodes sit in the page', () => {
  it('each block node is an empty host named for its type, the citation an inline host in its paragraph', () => {
    const e = editor()
    const root = document.createElement('div')
    root.contentEditable = 'true'
    document.body.append(root)
    e.setRootElement(root)
    e.update(
      () => {
        const p = $createParagraphNode()
        p.append($createTextNode('Trusts kept more GPs'), $createCitationNode(snapshot))
        $getRoot().clear().append(p, $createEvidenceQuoteNode(snapshot), $createFigureNode({ figureId: 'f1', altText: 'A chart', caption: '' }), $createReferencesNode())
      },
      { discrete: true },
    )
    expect([...root.children].slice(1, 4).map((child) => child.className)).toEqual(['brief-evidence-quote-host', 'brief-figure-host', 'brief-references-host'])
    expect(root.querySelector('p .brief-citation-host')).not.toBeNull()
    e.read(() => expect($getRoot().getChildren().map((node) => node.isInline())).toEqual([false, false, false, false]))
    e.setRootElement(null)
    root.remove()
  })
})
