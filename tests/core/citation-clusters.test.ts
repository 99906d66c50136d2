import { describe, expect, it } from 'vitest'
import { CitationEngine, type CiteInput } from '../../electron/core/citations/engine'
import { LiveCitations } from '../../electron/core/citations/live'
import { htmlToRuns, runsToText } from '../../electron/core/citations/runs'
import { StyleRegistry } from '../../electron/core/citations/styles'
import { clusterSpans, treeClusters } from '@shared/citation-clusters'
import { effectiveNotes, placePunctuation } from '@shared/citation-punctuation'
import type { CslItem } from '@shared/dto/csl'
import { RESOURCES_DIR } from '../fixtures/brief-fixture'

const items: CslItem[] = [
  { id: 'jon', type: 'article-journal', title: 'Editorial', author: [{ family: 'Jones', given: 'Roger' }], 'container-title': 'British Journal of General Practice', issued: { 'date-parts': [[2014]] } },
  { id: 'dra', type: 'article-magazine', title: 'GPs risk being devoured by hospital trusts', author: [{ family: 'Drage', given: 'Michelle' }], 'container-title': 'Pulse', issued: { 'date-parts': [[2015]] } },
  { id: 'iac', type: 'article-journal', title: 'Hospitals could run general practice', author: [{ family: 'Iacobucci', given: 'Gareth' }], 'container-title': 'BMJ', issued: { 'date-parts': [[2014]] } },
  { id: 'bai', type: 'report', title: 'Vertical integration', author: [{ family: 'Baird', given: 'Beccy' }], publisher: 'The King’s Fund', issued: { 'date-parts': [[2019]] } },
]
const para = (sourceId: string, n?: number): CiteInput => ({ sourceId, ...(n ? { locator: { label: 'paragraph' as const, value: String(n) } } : {}) })
const style = (id: string) => new StyleRegistry(null as never, RESOURCES_DIR).resolve(id)
const texts = (html: string[]) => html.map((h) => runsToText(htmlToRuns(h)))

function clusters(id: string, groups: CiteInput[][], notes = false): string[] {
  const engine = new CitationEngine(style(id), items, RESOURCES_DIR)
  return texts(engine.rebuild(groups.map((g, i) => ({ citationID: `c${i}`, items: g, noteIndex: notes ? i + 1 : 0 }))))
}

describe('citation clusters, as the style sorts, collapses and groups them', () => {
  it('Vancouver numbers by first citation, keeps the number, and sorts and collapses a cluster: (1) … (3–5)', () => {
    expect(clusters('vancouver', [[para('jon')], [para('iac'), para('dra')], [para('bai'), para('jon')], [para('bai'), para('dra'), para('iac')]])).toEqual([
      '(1)',
      '(2,3)',
      '(1,4)',
      '(2–4)',
    ])
  })

  it('Harvard names an author once, gives one work’s pinpoints together, and joins works with a semicolon', () => {
    // Cite Them Right's citation has no <sort>: citeproc groups a name's cites where the name is first met.
    const [label] = clusters('harvard', [[para('jon'), para('dra', 11), para('dra', 9)]])
    expect(label).toBe('(Jones, 2014; Drage, 2015, paras 9, 11)')
    const [grouped] = clusters('harvard', [[para('dra', 11), para('jon'), para('dra', 9)]])
    expect(grouped!.match(/Drage/g)).toHaveLength(1)
    expect(grouped).toContain('Drage, 2015, paras 9, 11')
  })

  it('one work’s pinpoints merge only when they are of one kind; a bare cite of a pinpointed work adds nothing', () => {
    const page: CiteInput = { sourceId: 'bai', locator: { label: 'page', value: 'iv' } }
    expect(clusters('apa', [[para('bai', 3), page, { ...page, locator: { label: 'page', value: '12' } }, para('bai')]])).toEqual([
      '(Baird, 2019, para. 3, 2019, pp. iv, 12)',
    ])
    expect(clusters('harvard', [[para('dra', 9), para('dra', 9), para('dra')]])).toEqual(['(Drage, 2015, para. 9)'])
    expect(clusters('chicago', [[para('jon', 12), para('jon', 2)]], true)).toEqual(['Jones, ‘Editorial’, paras 2, 12.'])
  })

  it('Chicago notes give "Ibid." for the same work in the next note, and short notes after', () => {
    const notes = clusters('chicago', [[para('jon', 2)], [para('jon', 3)], [para('dra')], [para('jon', 2)]], true)
    expect(notes[1]).toMatch(/^Ibid\., para\. 3\.$/)
    expect(notes[3]).toMatch(/^Jones, ‘Editorial’, para\. 2\.$/)
  })

  it('OSCOLA refers back to the note a work was first cited in', () => {
    const notes = clusters('oscola', [[para('jon', 2)], [para('dra')], [para('jon', 4)]], true)
    expect(notes[2]).toMatch(/Jones \(n 1\) para 4/)
  })

  it('every bundled style loads and formats a cluster', () => {
    for (const id of ['harvard', 'vancouver', 'apa', 'chicago', 'oscola', 'ieee', 'mhra']) {
      const kind = style(id).info.kind
      const [label] = clusters(id, [[para('jon', 2), para('dra')]], kind === 'note')
      expect(label, id).toMatch(/Jones|\d/)
    }
    expect(clusters('ieee', [[para('jon')], [para('dra'), para('jon')]])).toEqual(['[1]', '[1], [2]'])
  })
})

describe('which nodes make a cluster', () => {
  it('side-by-side citations with nothing between them; a space splits them; an evidence quote stands alone', () => {
    const kinds = ['text', 'citation', 'citation', 'text', 'citation', 'citation', 'citation']
    expect(clusterSpans(kinds, (k) => k === 'citation')).toEqual([
      { start: 1, size: 2 },
      { start: 4, size: 3 },
    ])
    const cite = (claimId: string) => ({ type: 'citation', claimId })
    const root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [cite('a'), cite('b'), { type: 'text' }, cite('c')] },
        { type: 'evidence-quote', claimId: 'd' },
        { type: 'paragraph', children: [cite('e')] },
      ],
    }
    const grouped = treeClusters(root as never, (n: { type: string; claimId?: string }) => typeof n.claimId === 'string')
    expect(grouped.map((c) => c.map((n: { claimId?: string }) => n.claimId))).toEqual([['a', 'b'], ['c'], ['d'], ['e']])
  })
})

describe('punctuation where the style puts it', () => {
  it('an in-text citation goes before the full stop or comma', () => {
    expect(placePunctuation('the crisis.', ' Medical', 'in-text', false)).toEqual({ before: 'the crisis', after: '. Medical' })
    expect(placePunctuation('the crisis. ', 'Medical', 'in-text', false)).toEqual({ before: 'the crisis', after: '. Medical' })
    expect(placePunctuation('practices,', ' and', 'in-text', false)).toEqual({ before: 'practices', after: ', and' })
    expect(placePunctuation('the crisis', '.', 'in-text', false)).toEqual({ before: 'the crisis', after: '.' })
    // Already before the stop, an ellipsis, or a question: left as written.
    expect(placePunctuation('and so...', '', 'in-text', false)).toEqual({ before: 'and so...', after: '' })
    expect(placePunctuation('Why?', '', 'in-text', false)).toEqual({ before: 'Why?', after: '' })
  })

  it('a note mark follows the punctuation, and closing quotes as the locale says', () => {
    expect(placePunctuation('the crisis', '. Medical', 'note', false)).toEqual({ before: 'the crisis.', after: ' Medical' })
    expect(placePunctuation('the crisis. ', 'Medical', 'note', false)).toEqual({ before: 'the crisis.', after: ' Medical' })
    // en-US puts the full stop inside the quotation marks; en-GB leaves it outside.
    expect(placePunctuation('called it “the jewel”', '. Next', 'note', true)).toEqual({ before: 'called it “the jewel.”', after: ' Next' })
    expect(placePunctuation('called it “the jewel”', '. Next', 'note', false)).toEqual({ before: 'called it “the jewel”.', after: ' Next' })
  })

  it('a note style always writes notes', () => {
    expect(effectiveNotes('note', 'none')).toBe('footnotes')
    expect(effectiveNotes('author-date', 'none')).toBe('none')
    expect(effectiveNotes('numeric', 'endnotes')).toBe('endnotes')
  })
})

describe('a brief’s engine kept between edits', () => {
  const groups = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `k${i}`, items: [para(items[i % items.length]!.id, i + 1)] }))

  it('an inserted, moved or removed cluster gives the same labels as formatting everything afresh', () => {
    for (const [id, inNotes] of [['vancouver', false], ['chicago', true], ['harvard', false]] as const) {
      const live = new LiveCitations(style(id), RESOURCES_DIR, inNotes)
      const answer = (engine: LiveCitations, list: ReturnType<typeof groups>, known: CslItem[]) => ({
        labels: texts(engine.update(list, known)),
        references: engine.bibliography().map((b) => runsToText(b.runs)),
      })
      const fresh = (list: ReturnType<typeof groups>) => answer(new LiveCitations(style(id), RESOURCES_DIR, inNotes), list, items)
      let list = groups(12).slice(0, 10)
      expect(answer(live, list, items)).toEqual(fresh(list))
      list = [{ id: 'new', items: [para('bai'), para('iac')] }, ...list]
      expect(answer(live, list, [])).toEqual(fresh(list))
      list = [...list.slice(0, 5), ...list.slice(7)]
      expect(answer(live, list, [])).toEqual(fresh(list))
      list = [list[3]!, ...list.slice(0, 3), ...list.slice(4)]
      expect(answer(live, list, [])).toEqual(fresh(list))
      list = list.map((c, i) => (i === 2 ? { ...c, items: [para('dra', 40)] } : c))
      expect(answer(live, list, [])).toEqual(fresh(list))
      // A work's last citation removed: it leaves the reference list.
      list = list.filter((c) => !c.items.some((item) => item.sourceId === 'bai'))
      expect(answer(live, list, [])).toEqual(fresh(list))
      expect(live.bibliography().length).toBeGreaterThan(0)
    }
  })
})
