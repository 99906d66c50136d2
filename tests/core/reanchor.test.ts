import { describe, expect, it } from 'vitest'
import { relocate } from '../../electron/core/claims/reanchor'
import { replaceSourceText } from '../../electron/core/app/reimport'
import { buildAnchor } from '../../electron/core/claims/anchor'
import { searchClaims } from '../../electron/core/claims/search'
import { assembleText } from '../../electron/core/sources/assemble'
import type { ExtractedDocument } from '../../electron/core/sources/extracted'
import { searchSources } from '../../electron/core/sources/search'
import { AppError } from '../../electron/core/errors'
import { addSource, claimOn, testWithSource } from './claims-fixture'

const ORIGINAL = [
  'GP vacancies were at a low level and morale was relatively high.',
  'Chronic underfunding and maldistribution of resources within the NHS is partly to blame for the crisis in general practice.',
  'Economies of scale achieved by more centralised management could genuinely free up resources within general practice.',
]

const VOCABULARY = 'practice demand funding hospital trust patients workforce morale access premises contract partnership network federation integration community care nurses doctors budget waiting list outcome evidence risk crisis policy reform model pressure training'.split(' ')

/** Twelve words that differ from sentence to sentence, as real prose does (a fixed template would not). */
function wordsFor(i: number): string {
  let seed = i * 2654435761
  return Array.from({ length: 12 }, () => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return VOCABULARY[seed % VOCABULARY.length]
  }).join(' ')
}

function doc(paragraphs: string[]): ExtractedDocument {
  return { format: 'txt', mime: 'text/plain', blocks: paragraphs.map((text) => ({ kind: 'paragraph', text })), metadata: {} }
}

function anchorIn(paragraphs: string[], quote: string, occurrence = 0) {
  const { text, paragraphs: ps } = assembleText(doc(paragraphs).blocks)
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1)
  return buildAnchor(text, ps, start, start + quote.length)
}

describe('finding a claim’s passage in a new version of its source', () => {
  it('finds the exact words again after text is inserted before them', () => {
    const anchor = anchorIn(ORIGINAL, 'maldistribution of resources')
    const { text } = assembleText(doc(['A new opening paragraph about the NHS.', ...ORIGINAL]).blocks)
    const found = relocate(anchor, text)
    expect(found?.method).toBe('exact')
    expect(text.slice(found!.start, found!.end)).toBe('maldistribution of resources')
    expect(found!.start).toBeGreaterThan(anchor.start)
  })

  it('keeps a repeated phrase on the same occurrence, told apart by its context', () => {
    const anchor = anchorIn(ORIGINAL, 'general practice', 1)
    const { text } = assembleText(doc(['In general practice, things changed.', ...ORIGINAL]).blocks)
    const found = relocate(anchor, text)!
    expect(text.slice(found.start - 30, found.end)).toContain('free up resources within general practice')
  })

  it('finds the passage approximately after small edits inside the quote', () => {
    const anchor = anchorIn(ORIGINAL, 'GP vacancies were at a low level and morale was relatively high.')
    const edited = ['GP vacancies were at a very low level and morale was fairly high.', ...ORIGINAL.slice(1)]
    const { text } = assembleText(doc(edited).blocks)
    const found = relocate(anchor, text)
    expect(found?.method).toBe('fuzzy')
    expect(text.slice(found!.start, found!.end)).toBe('GP vacancies were at a very low level and morale was fairly high.')
  })

  it('gives up, rather than guessing, when the passage is gone', () => {
    const anchor = anchorIn(ORIGINAL, 'Economies of scale achieved by more centralised management')
    const { text } = assembleText(doc([...ORIGINAL.slice(0, 2), 'Larger organisations might save money on back-office costs.']).blocks)
    expect(relocate(anchor, text)).toBeNull()
  })
})

describe('re-importing a new version of a source', () => {
  const it = testWithSource(ORIGINAL)

  it('moves every claim onto the new text, updates the paragraphs and the source search, and orphans what is gone', ({ project, sourceId }) => {
    const moved = claimOn(project, sourceId, 'maldistribution of resources', { statement: 'Resources are badly distributed' })
    const edited = claimOn(project, sourceId, 'GP vacancies were at a low level and morale was relatively high.')
    const gone = claimOn(project, sourceId, 'Economies of scale achieved by more centralised management', { statement: 'Scale saves money' })
    const summary = replaceSourceText(
      project.session,
      sourceId,
      doc([
        'Editor’s note: this version was corrected.',
        'GP vacancies were at a very low level and morale was fairly high.',
        ORIGINAL[1]!,
        'Larger organisations might save money on back-office costs.',
      ]),
    )
    expect(summary).toMatchObject({ anchored: 1, changed: 1, changedIds: [edited.id], orphaned: 1, orphanedIds: [gone.id] })
    const source = project.session.sources.get(sourceId)
    const after = project.claims.get(moved.id)
    expect(after.status).toBe('anchored')
    expect(source.text.slice(after.anchor.start, after.anchor.end)).toBe('maldistribution of resources')
    expect(after.anchor.paragraph).toBe(3)
    expect(after.statement).toBe('Resources are badly distributed')
    // Only a near match: the claim keeps the words the analyst cited, marked changed, until they accept.
    const changed = project.claims.get(edited.id)
    expect(changed.quote).toBe('GP vacancies were at a low level and morale was relatively high.')
    expect(changed.quoteChange?.words).toBe('GP vacancies were at a very low level and morale was fairly high.')
    expect(changed.statement).toBe(changed.quote)
    expect(searchClaims(project.session.db, { text: 'fairly' }).items).toEqual([])
    expect(project.claims.resolveQuoteChange(edited.id, 'accept')).toMatchObject({ quote: changed.quoteChange!.words, statement: changed.quoteChange!.words })
    expect(searchClaims(project.session.db, { text: 'fairly' }).items.map((c) => c.id)).toEqual([edited.id])
    const orphan = project.claims.get(gone.id)
    expect(orphan).toMatchObject({ status: 'orphaned', statement: 'Scale saves money', quote: gone.quote, anchor: gone.anchor })
    expect(searchClaims(project.session.db, { status: 'orphaned' }).items.map((c) => c.id)).toEqual([gone.id])
    expect(searchSources(project.session.db, 'corrected', 10)).toHaveLength(1)
    expect(searchSources(project.session.db, 'economies', 10)).toHaveLength(0)
  })

  it('lets the analyst reattach an orphaned claim by selecting the passage again', ({ project, sourceId }) => {
    const gone = claimOn(project, sourceId, 'Economies of scale achieved by more centralised management')
    replaceSourceText(project.session, sourceId, doc([...ORIGINAL.slice(0, 2), 'Larger organisations might save money on back-office costs.']))
    const text = project.session.sources.get(sourceId).text
    const start = text.indexOf('Larger organisations')
    const exact = 'Larger organisations might save money'
    const again = project.claims.reattach(gone.id, { start, end: start + exact.length, exact })
    expect(again).toMatchObject({ status: 'anchored', quote: exact })
  })

  it('leaves the old version untouched when the new one has no text', ({ project, sourceId }) => {
    const claim = claimOn(project, sourceId, 'GP vacancies')
    expect(() => replaceSourceText(project.session, sourceId, doc(['   ']))).toThrow(AppError)
    expect(project.session.sources.get(sourceId).paragraphs).toHaveLength(3)
    expect(project.claims.get(claim.id).anchor).toEqual(claim.anchor)
  })

  it('re-anchors 1,000 claims on one long source correctly', ({ project }) => {
    const sentences = Array.from({ length: 1000 }, (_, i) => `Finding ${i}: ${wordsFor(i)}.`)
    const paragraphs = Array.from({ length: 100 }, (_, p) => sentences.slice(p * 10, p * 10 + 10).join(' '))
    const big = addSource(project.session, paragraphs, 'Long report')
    const ids = sentences.map((s) => claimOn(project, big, s).id)
    const next = paragraphs.map((p) => p)
    next[50] = next[50]!.replace('Finding 500:', 'Finding no. 500:') // a small edit inside one claim
    next[60] = next[60]!.replace(sentences[600]!, '') // one passage removed
    const summary = replaceSourceText(project.session, big, doc(['A new executive summary comes first.', ...next]))
    expect(summary.orphanedIds).toEqual([ids[600]])
    expect(summary.changedIds).toEqual([ids[500]])
    expect(summary.anchored).toBe(998)
    const text = project.session.sources.get(big).text
    for (const claim of project.claims.forSource(big)) {
      if (claim.status === 'anchored') expect(text.slice(claim.anchor.start, claim.anchor.end)).toBe(claim.quoteChange?.words ?? claim.quote)
    }
    expect(project.claims.get(ids[500]!).quoteChange?.words).toContain('Finding no. 500:')
  })
})
