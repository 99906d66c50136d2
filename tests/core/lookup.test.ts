import { describe, expect, it } from 'vitest'
import { type Core } from '../../electron/core/app/core'
import { parseIdentifier } from '../../electron/core/net/lookup/identifiers'
import { coreOnNewProject, importDone } from '../helpers/core-on-project'
import { useFixtureServer } from '../helpers/fixture-server'
import { ARTICLE_DOI, serviceEnv, serviceRoutes } from '../helpers/service-fixtures'
import { useTempDir } from '../helpers/temp'
import { webRoutes } from '../helpers/web-pages'

const server = useFixtureServer(async () => ({ ...(await webRoutes()), ...serviceRoutes() }), { env: serviceEnv })

async function coreWithArticle(dir: string): Promise<{ core: Core; id: string; doi?: string }> {
  const core = await coreOnNewProject(dir, { starter: false, name: 'lookup.evident' })
  const summary = await importDone(core, () => core.handlers['sources.importAddresses']({ addresses: [server.url('/articles/under-pressure')] }))
  return { core, id: summary.imported[0]!.sourceId, doi: summary.imported[0]!.doi }
}

describe('looking up a record by its identifier', () => {
  const temp = useTempDir()

  it('the DOI an import found is looked up by content negotiation, shown as a difference, and only the accepted fields change, marked as from the service', async () => {
    const { core, id, doi } = await coreWithArticle(temp())
    expect(doi).toBe(ARTICLE_DOI)
    const before = await core.handlers['sources.get']({ id })
    const result = await core.handlers['sources.lookup']({ id, identifier: `https://doi.org/${doi}` })
    expect(result).toMatchObject({ service: 'DOI content negotiation', identifier: { kind: 'doi', value: ARTICLE_DOI } })
    const byField = Object.fromEntries(result.differences.map((d) => [d.field, d]))
    expect(byField.author).toEqual({ field: 'author', label: 'Authors', current: 'Jones, Roger; Smith, Alice', found: 'Jones, Roger; Smith, Alice B.' })
    expect(byField.page).toMatchObject({ current: '101–109', found: '101-109' })
    expect(byField.issue).toBeUndefined()
    expect(result.unchanged).toEqual(expect.arrayContaining(['container-title', 'issued', 'volume', 'issue', 'DOI']))
    // Looking up wrote nothing.
    expect((await core.handlers['sources.get']({ id })).csl).toEqual(before.csl)

    const after = await core.handlers['sources.acceptLookup']({ id, lookupId: result.lookupId, fields: ['author', 'title'] })
    expect(after.csl.author).toEqual([{ family: 'Jones', given: 'Roger' }, { family: 'Smith', given: 'Alice B.' }])
    expect(after.csl.title).toBe('Under Pressure: General Practice in 2026')
    expect(after.csl.page).toBe('101–109')
    expect(after.provenance.author).toMatchObject({ kind: 'lookup', detail: 'DOI content negotiation' })
    expect(after.provenance.page?.kind).not.toBe('lookup')
    expect(server.requests.find((r) => r.path.startsWith('/doi/'))!.headers.accept).toBe('application/vnd.citationstyles.csl+json')
    await expect(core.handlers['sources.acceptLookup']({ id, lookupId: result.lookupId, fields: ['abstract'] })).rejects.toThrow(/did not send abstract/)
    core.close()
  })

  it('falls back to Crossref when content negotiation fails, and names Crossref as the origin', async () => {
    const { core, id } = await coreWithArticle(temp())
    const result = await core.handlers['sources.lookup']({ id, identifier: '10.5555/cn-broken', kind: 'doi' })
    expect(result.service).toBe('Crossref')
    expect(Object.fromEntries(result.differences.map((d) => [d.field, d.found]))).toMatchObject({
      title: 'Integration of primary and hospital care',
      author: 'Patel, Priya',
      'container-title': 'Health Policy',
      issued: '2024-05',
      publisher: 'Elsevier BV',
    })
    const after = await core.handlers['sources.acceptLookup']({ id, lookupId: result.lookupId, fields: result.differences.map((d) => d.field) })
    expect(after.provenance.title).toMatchObject({ kind: 'lookup', detail: 'Crossref' })
    expect(after.csl.type).toBe('article-journal')
    core.close()
  })

  it('looks up a PMID in E-utilities, an arXiv id in the arXiv API and an ISBN in Open Library', async () => {
    const { core, id } = await coreWithArticle(temp())
    const pubmed = await core.handlers['sources.lookup']({ id, identifier: '33782057' })
    expect(pubmed.service).toBe('NCBI')
    expect(Object.fromEntries(pubmed.differences.map((d) => [d.field, d.found]))).toMatchObject({
      title: 'The PRISMA 2020 statement: an updated guideline for reporting systematic reviews',
      author: 'Page, M. J.; McKenzie, J. E.',
      'container-title': 'BMJ (Clinical research ed.)',
      issued: '2021-03-29',
      DOI: '10.1136/bmj.n71',
      PMID: '33782057',
    })
    const arxiv = await core.handlers['sources.lookup']({ id, identifier: 'arXiv:2101.00001' })
    expect(arxiv.service).toBe('arXiv')
    expect(Object.fromEntries(arxiv.differences.map((d) => [d.field, d.found]))).toMatchObject({ title: 'Modelling demand for general practice appointments', author: 'Lovelace, Ada; Babbage, Charles', issued: '2021-01-01' })
    const book = await core.handlers['sources.lookup']({ id, identifier: '978-0-19-953556-9' })
    expect(book.service).toBe('Open Library')
    expect(Object.fromEntries(book.differences.map((d) => [d.field, d.found]))).toMatchObject({ title: 'Pride and prejudice', author: 'Austen, Jane', publisher: 'Oxford University Press', issued: '2008', ISBN: '9780199535569' })
    core.close()
  })

  it('says plainly when an identifier has the wrong shape, resolves to nothing, or the service cannot answer, changing nothing', async () => {
    const { core, id } = await coreWithArticle(temp())
    const before = await core.handlers['sources.get']({ id })
    const fails = (identifier: string, kind?: 'doi' | 'pmid' | 'arxiv' | 'isbn') => core.handlers['sources.lookup']({ id, identifier, kind }).then(() => null, (e: { code: string; message: string }) => e)
    expect(await fails('10.abc')).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/is not a DOI, PMID, arXiv id or ISBN/) })
    expect(await fails('978-0-19-953556-0', 'isbn')).toMatchObject({ message: expect.stringMatching(/is not an ISBN: an ISBN has 10 or 13 digits with a valid check digit/) })
    expect(await fails('10.5555/nothing-here')).toMatchObject({ code: 'NOT_FOUND', message: 'The DOI 10.5555/nothing-here resolves to nothing: check it for typing mistakes, or it may not be registered yet.' })
    expect(await fails('99999999', 'pmid')).toMatchObject({ code: 'NOT_FOUND', message: 'PubMed has no article with PMID 99999999.' })
    expect(await fails('2101.99999')).toMatchObject({ code: 'NOT_FOUND', message: 'arXiv has no paper 2101.99999.' })
    expect(await fails('0-19-953556-6')).toMatchObject({ code: 'NOT_FOUND', message: 'Open Library has no book with ISBN 0199535566.' })
    expect(await fails('10.5555/busy')).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/^Crossref: .*slow down \(429\): try again in 30 seconds/) })
    expect(await fails('10.5555/login-page')).toMatchObject({ code: 'NETWORK_ERROR', message: 'Crossref answered with text/html instead of the record Evident asked for.' })
    expect((await core.handlers['sources.get']({ id })).csl).toEqual(before.csl)
    core.close()
  })

  it('recognises identifiers by their shape', () => {
    expect(parseIdentifier('doi:10.1136/bmj.n71')).toEqual({ kind: 'doi', value: '10.1136/bmj.n71' })
    expect(parseIdentifier('https://arxiv.org/abs/hep-th/9901001v2')).toEqual({ kind: 'arxiv', value: 'hep-th/9901001v2' })
    expect(parseIdentifier('ISBN 0-19-953556-6')).toEqual({ kind: 'isbn', value: '0199535566' })
    expect(parseIdentifier('PMID: 33782057')).toEqual({ kind: 'pmid', value: '33782057' })
  })
})
