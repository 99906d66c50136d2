import { describe, expect, it } from 'vitest'
import type { CslItem } from '@shared/dto/csl'
import { LiveCitations, type LiveCluster } from '../../electron/core/citations/live'
import { runsToText } from '../../electron/core/citations/runs'
import { StyleRegistry } from '../../electron/core/citations/styles'
import { seededRandom } from '../bench/bench-helpers'
import { RESOURCES_DIR } from '../fixtures/brief-fixture'

// Records chosen to make the reference list depend on its neighbours: one author three times (Chicago's "———",
// and two works of one year: "2015a"), works naming nobody between them, a body as author.
const person = (family: string, given: string) => [{ family, given }]
const items: CslItem[] = [
  { id: 's1', type: 'article-journal', title: 'Hospital trusts and general practice', author: person('Smith', 'Anna'), 'container-title': 'BMJ', issued: { 'date-parts': [[2015]] } },
  { id: 's2', type: 'article-journal', title: 'Vertical integration in the NHS', author: person('Smith', 'Anna'), 'container-title': 'BMJ', issued: { 'date-parts': [[2015]] } },
  { id: 's3', type: 'report', title: 'Primary care at scale', author: person('Smith', 'Anna'), publisher: 'Nuffield Trust', issued: { 'date-parts': [[2018]] } },
  { id: 'j1', type: 'article-journal', title: 'Editorial', author: person('Jones', 'Roger'), 'container-title': 'British Journal of General Practice', issued: { 'date-parts': [[2014]] } },
  { id: 'j2', type: 'article-journal', title: 'Continuity of care', author: person('Jones', 'Roger'), 'container-title': 'British Journal of General Practice', issued: { 'date-parts': [[2019]] } },
  { id: 'k1', type: 'report', title: 'The future of general practice', author: [{ literal: "The King's Fund" }], publisher: "The King's Fund", issued: { 'date-parts': [[2016]] } },
  { id: 'n1', type: 'webpage', title: 'Smith review of GP contracts', URL: 'https://example.org/review', issued: { 'date-parts': [[2017]] } },
  { id: 'n2', type: 'webpage', title: 'Smithfield surgery merger', URL: 'https://example.org/merger', issued: { 'date-parts': [[2017]] } },
  { id: 'a1', type: 'article-journal', title: 'GPs risk being devoured', author: person('Adams', 'Claire'), 'container-title': 'Pulse', issued: { 'date-parts': [[2015]] } },
  { id: 'z1', type: 'book', title: 'Integrated care', author: person('Zhou', 'Wei'), publisher: 'Policy Press', issued: { 'date-parts': [[2020]] } },
]
const ids = items.map((i) => i.id)

function resolve(style: string) {
  return new StyleRegistry(null as never, RESOURCES_DIR).resolve(style)
}

/** What the editor is answered: every cluster's html and every reference's text. */
function answer(live: LiveCitations, clusters: LiveCluster[]) {
  const labels = live.update(clusters, items)
  return { labels, references: live.bibliography().map((r) => `${r.sourceId}: ${runsToText(r.runs)}`) }
}

describe('the kept citeproc engine of a live brief', () => {
  it.each([
    ['vancouver', false],
    ['chicago', true],
    ['harvard', false],
    ['apa', false],
    ['oscola', true],
  ] as const)('%s: after each of 40 inserts, deletes, moves and edits, labels and reference list equal a fresh engine’s', (style, inNotes) => {
    const random = seededRandom(style.length * 7919)
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
    const cluster = (n: number): LiveCluster => ({
      id: `c${n}`,
      items: Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({ sourceId: pick(ids), ...(random() < 0.4 ? { locator: { label: 'paragraph' as const, value: String(1 + Math.floor(random() * 9)) } } : {}) })),
    })
    let next = 0
    let clusters = Array.from({ length: 8 }, () => cluster(next++))
    const kept = new LiveCitations(resolve(style), RESOURCES_DIR, inNotes)
    answer(kept, clusters)
    for (let step = 0; step < 40; step++) {
      const at = Math.floor(random() * (clusters.length + 1))
      const op = clusters.length < 3 ? 'insert' : pick(['insert', 'insert', 'delete', 'move', 'edit'] as const)
      if (op === 'insert') clusters = [...clusters.slice(0, at), cluster(next++), ...clusters.slice(at)]
      else if (op === 'delete') clusters = clusters.filter((_, i) => i !== at % clusters.length)
      else if (op === 'move') {
        const moved = clusters[at % clusters.length]!
        const rest = clusters.filter((c) => c !== moved)
        const to = Math.floor(random() * (rest.length + 1))
        clusters = [...rest.slice(0, to), moved, ...rest.slice(to)]
      } else clusters = clusters.map((c, i) => (i === at % clusters.length ? { id: c.id, items: cluster(0).items } : c))
      const incremental = answer(kept, clusters)
      const fresh = answer(new LiveCitations(resolve(style), RESOURCES_DIR, inNotes), clusters)
      expect(incremental, `${style}, step ${step} (${op})`).toEqual(fresh)
    }
  })

  it('Chicago: a work by an author already listed, cited for the first time, takes "———" and its neighbour keeps its own', () => {
    const kept = new LiveCitations(resolve('chicago'), RESOURCES_DIR, true)
    answer(kept, [{ id: 'a', items: [{ sourceId: 's3' }] }, { id: 'b', items: [{ sourceId: 'z1' }] }])
    const after = answer(kept, [{ id: 'n', items: [{ sourceId: 's1' }] }, { id: 'a', items: [{ sourceId: 's3' }] }, { id: 'b', items: [{ sourceId: 'z1' }] }])
    expect(after.references).toHaveLength(3)
    expect(after.references[0]).toMatch(/^s1: Smith, Anna\./)
    expect(after.references[1]).toMatch(/^s3: ———\./)
    // The note after the inserted one now reads as the style's later note to the same work would, or not: as fresh.
    expect(after).toEqual(answer(new LiveCitations(resolve('chicago'), RESOURCES_DIR, true), [{ id: 'n', items: [{ sourceId: 's1' }] }, { id: 'a', items: [{ sourceId: 's3' }] }, { id: 'b', items: [{ sourceId: 'z1' }] }]))
  })

  it('Vancouver: a new work cited at the top renumbers every entry of the list without reformatting it', () => {
    const kept = new LiveCitations(resolve('vancouver'), RESOURCES_DIR, false)
    const first = answer(kept, [{ id: 'a', items: [{ sourceId: 'j1' }] }, { id: 'b', items: [{ sourceId: 'z1' }] }])
    expect(first.references.map((r) => r.slice(0, 6))).toEqual(['j1: 1.', 'z1: 2.'])
    const after = answer(kept, [{ id: 'n', items: [{ sourceId: 'a1' }] }, { id: 'a', items: [{ sourceId: 'j1' }] }, { id: 'b', items: [{ sourceId: 'z1' }] }])
    expect(after.labels.map((l) => l.replace(/<[^>]+>/g, ''))).toEqual(['(1)', '(2)', '(3)'])
    expect(after.references.map((r) => r.slice(0, 6))).toEqual(['a1: 1.', 'j1: 2.', 'z1: 3.'])
    expect(after.references[1]!.slice(7)).toBe(first.references[0]!.slice(7))
  })
})
