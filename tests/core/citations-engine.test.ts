import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CitationEngine, type CiteInput } from '../../electron/core/citations/engine'
import { htmlToRuns, runsToText } from '../../electron/core/citations/runs'
import { StyleRegistry } from '../../electron/core/citations/styles'
import type { CslItem } from '@shared/dto/csl'
import { createBriefFixture, RESOURCES_DIR } from '../fixtures/brief-fixture'
import { useCoreOnProject } from '../helpers/core-on-project'

const items: CslItem[] = [
  { id: 'iac', type: 'article-journal', title: 'Hospitals could run general practice services in underserved areas', author: [{ family: 'Iacobucci', given: 'Gareth' }], 'container-title': 'BMJ', volume: '349', page: 'g6055', issued: { 'date-parts': [[2014, 10, 3]] }, DOI: '10.1136/bmj.g6055' },
  { id: 'dra', type: 'article-magazine', title: 'GPs risk being devoured by hospital trusts', author: [{ family: 'Drage', given: 'Michelle' }], 'container-title': 'Pulse', issued: { 'date-parts': [[2015]] }, URL: 'https://www.pulsetoday.co.uk/views/gps/' },
  { id: 'jon', type: 'article-journal', title: 'Editorial', author: [{ family: 'Jones', given: 'Roger' }], 'container-title': 'British Journal of General Practice', volume: '64', issue: '628', issued: { 'date-parts': [[2014, 11]] } },
]

function engineFor(style: string) {
  const registry = new StyleRegistry(null as never, RESOURCES_DIR)
  const engine = new CitationEngine(registry.resolve(style), items, RESOURCES_DIR)
  // Each input its own cluster, in text: what these tests of the bundled styles read.
  return {
    cite: (inputs: CiteInput[]) => ({
      citations: engine.rebuild(inputs.map((c, i) => ({ citationID: `c${i}`, items: [c], noteIndex: 0 }))).map((html) => htmlToRuns(html)),
      bibliography: engine.bibliography(),
    }),
  }
}

const para = (n: number) => ({ label: 'paragraph' as const, value: String(n) })

describe('citation styles run through citeproc-js with the bundled CSL files', () => {
  it('Vancouver numbers sources in order of first appearance and a repeated source keeps its number', () => {
    const out = engineFor('vancouver').cite(
      [{ sourceId: 'dra', locator: para(3) }, { sourceId: 'iac', locator: para(5) }, { sourceId: 'dra', locator: para(9) }, { sourceId: 'jon' }],
    )
    expect(out.citations.map(runsToText)).toEqual(['(1)', '(2)', '(1)', '(3)'])
    expect(out.bibliography.map((b) => b.sourceId)).toEqual(['dra', 'iac', 'jon'])
    expect(runsToText(out.bibliography[0]!.runs)).toMatch(/^1\. Drage M\. GPs risk being devoured by hospital trusts/)
    // In a footnote the note's own number says it: the "1. " column is dropped.
    expect(runsToText(out.bibliography[0]!.bodyRuns)).toMatch(/^Drage M\./)
  })

  it('Harvard (Cite Them Right) gives (Author, year, pinpoint) labels and italic container titles', () => {
    const out = engineFor('harvard').cite([{ sourceId: 'iac', locator: para(12) }, { sourceId: 'jon', locator: { label: 'page', value: 'iv' } }])
    expect(out.citations.map(runsToText)).toEqual(['(Iacobucci, 2014, para. 12)', '(Jones, 2014, p. iv)'])
    const entry = out.bibliography.find((b) => b.sourceId === 'iac')!
    expect(runsToText(entry.runs)).toContain('Iacobucci, G. (2014)')
    expect(entry.runs.find((r) => r.text === 'BMJ')?.italic).toBe(true)
  })

  it('APA 7 gives author-date labels and DOI links as https://doi.org/…', () => {
    const out = engineFor('apa').cite([{ sourceId: 'iac', locator: para(2) }, { sourceId: 'dra' }])
    expect(runsToText(out.citations[0]!)).toBe('(Iacobucci, 2014, para. 2)')
    expect(runsToText(out.citations[1]!)).toBe('(Drage, 2015)')
    const refs = out.bibliography.map((b) => runsToText(b.runs))
    expect(refs.join('\n')).toContain('https://doi.org/10.1136/bmj.g6055')
    expect(refs[0]).toMatch(/^Drage, M\. \(2015\)/)
  })

  it('reads citeproc html as data: entities decode to text, tags become formatting, nothing else survives', () => {
    const runs = htmlToRuns('<div class="csl-entry"><div class="csl-left-margin">1. </div><i>A &amp; B</i> &lt;script&gt; <span style="font-variant:small-caps;">Ed</span><sup>2</sup></div>', [
      'csl-left-margin',
    ])
    expect(runs).toEqual([{ text: 'A & B', italic: true }, { text: ' <script> ' }, { text: 'Ed', smallCaps: true }, { text: '2', superscript: true }])
  })
})

describe('the analyst’s own .csl files', () => {
  const on = useCoreOnProject(async () => {
    const fixture = await createBriefFixture()
    fixture.session.close()
    return fixture
  })
  const call = on.call
  const vancouverXml = () => readFileSync(join(RESOURCES_DIR, 'csl/styles/vancouver.csl'), 'utf8')

  it('lists the bundled styles UK analysts use, Harvard first', async () => {
    const styles = (await call('citations.styles', {})) as { id: string; kind: string; builtin: boolean }[]
    expect(styles.map((s) => [s.id, s.kind, s.builtin])).toEqual([
      ['harvard', 'author-date', true],
      ['vancouver', 'numeric', true],
      ['apa', 'author-date', true],
      ['chicago', 'note', true],
      ['oscola', 'note', true],
      ['ieee', 'numeric', true],
      ['mhra', 'note', true],
    ])
  })

  it('adds a valid style (title and kind from the file) and formats with it; adding it again does not duplicate it', async () => {
    const xml = vancouverXml().replace('<title>Vancouver</title>', '<title>Our House Style</title>')
    const added = (await call('citations.addStyle', { fileName: 'house.csl', xml })) as { id: string; title: string; kind: string; builtin: boolean }
    expect(added).toMatchObject({ title: 'Our House Style', kind: 'numeric', builtin: false })
    expect(added.id).toMatch(/^user:/)
    const again = (await call('citations.addStyle', { fileName: 'house-copy.csl', xml })) as { id: string }
    expect(again.id).toBe(added.id)
    const { claims } = on.fixture()
    const formatted = (await call('citations.format', { style: added.id, clusters: [claims.gowlandIntegration.id, claims.iacobucci.id, claims.gowlandNationalise.id].map((id, i) => ({ id: `k${i}`, claimIds: [id] })) })) as {
      labels: string[]
    }
    expect(formatted.labels).toEqual(['(1)', '(2)', '(1)'])
  })

  it('formats a brief’s claims in document order: labels line up with claim ids, references follow the style', async () => {
    const { claims } = on.fixture()
    const clusters = [[claims.report.id], [claims.iacobucci.id], ['no-such-claim']].map((claimIds, i) => ({ id: `k${i}`, claimIds }))
    const result = (await call('citations.format', { style: 'harvard', clusters })) as {
      labels: string[]
      references: { text: string }[]
      kind: string
    }
    expect(result.kind).toBe('author-date')
    expect(result.labels[0]).toBe('(Baird, 2019, p. iv)')
    expect(result.labels[1]).toMatch(/^\(Iacobucci, 2014, para\. \d+\)$/)
    expect(result.labels[2]).toBe('?')
    expect(result.references.map((r) => r.text)).toEqual([expect.stringMatching(/^Baird, B\. \(2019\)/), expect.stringMatching(/^Iacobucci, G\. \(2014\)/)])
  })

  it('answers a request since its last reply with only the labels that changed, and the list only when it changed', async () => {
    const { claims } = on.fixture()
    const ask = (ids: string[][], since?: string) =>
      call('citations.format', { style: 'vancouver', briefId: 'since-test', clusters: ids.map((claimIds, i) => ({ id: `k${i}`, claimIds })), ...(since ? { since } : {}) }) as Promise<{
        answer: string
        labels?: string[]
        changed?: [string, string][]
        references?: { text: string }[]
      }>
    const first = await ask([[claims.iacobucci.id], [claims.report.id]])
    expect(first.labels).toEqual(['(1)', '(2)'])
    // The same citations again: nothing to send.
    const same = await ask([[claims.iacobucci.id], [claims.report.id]], first.answer)
    expect(same).toMatchObject({ since: first.answer, changed: [] })
    expect(same.references).toBeUndefined()
    // A citation of the second work inserted first: both works renumber and the list with them, but the first
    // two labels still read (1) and (2), so only the new third one is sent.
    const inserted = await ask([[claims.report.id], [claims.iacobucci.id], [claims.report.id]], same.answer)
    expect(inserted.changed).toEqual([['k2', '(1)']])
    expect(inserted.references?.map((r) => r.text.slice(0, 9))).toEqual(['1. Baird ', '2. Iacobu'])
    // A reply the core no longer stands at (replies crossed): everything, in full.
    const crossed = await ask([[claims.report.id], [claims.iacobucci.id]], first.answer)
    expect(crossed.changed).toBeUndefined()
    expect(crossed.labels).toEqual(['(1)', '(2)'])
    await expect(call('citations.format', { style: 'vancouver', clusters: [], since: 'x'.repeat(65) })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  const refusals: [string, string, RegExp][] = [
    ['invalid XML', '<style xmlns="http://purl.org/net/xbiblio/csl"><info><title>Broken</title></info>', /^“bad\.csl” is not a valid CSL style: the XML is malformed/],
    [
      'a DOCTYPE with an external entity',
      '<?xml version="1.0"?><!DOCTYPE style [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><style xmlns="http://purl.org/net/xbiblio/csl"><info><title>&xxe;</title></info></style>',
      /^“bad\.csl” contains a DOCTYPE; Evident refuses styles with entities\.$/,
    ],
    ['an entity bomb', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><style>&lol2;</style>', /contains a DOCTYPE/],
    ['a root that is not a CSL style', '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', /is not a valid CSL style: its root element is <html>/],
    ['a style without a title', '<style xmlns="http://purl.org/net/xbiblio/csl"><info/><citation/></style>', /has no <info><title>/],
  ]
  it.each(refusals)('refuses %s with a clear message and stores nothing', async (_what, xml, message) => {
    const before = ((await call('citations.styles', {})) as unknown[]).length
    await expect(call('citations.addStyle', { fileName: 'bad.csl', xml })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) })
    expect(((await call('citations.styles', {})) as unknown[]).length).toBe(before)
  })

  it('an unknown style id is NOT_FOUND, naming the styles there are', async () => {
    await expect(call('citations.format', { style: 'chicago-17th', clusters: [] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/There is no citation style “chicago-17th”.*harvard, vancouver, apa, chicago, oscola, ieee, mhra/),
    })
    await expect(call('citations.format', { style: 'user:gone', clusters: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
