import { describe, expect, it } from 'vitest'
import { type Core } from '../../electron/core/app/core'
import { coreOnNewProject, importDone } from '../helpers/core-on-project'
import { redirect, trickle, useFixtureServer } from '../helpers/fixture-server'
import { useTempDir } from '../helpers/temp'
import { webRoutes } from '../helpers/web-pages'

const web = useFixtureServer(async () => ({ ...(await webRoutes()), '/slow': trickle, '/to-file': redirect('file:///etc/passwd') }))

const newCore = (dir: string) => coreOnNewProject(dir, { starter: false, name: 'web.evident' })
const importAddresses = (core: Core, addresses: string[], onProgress?: (batchId: string) => void) =>
  importDone(core, () => core.handlers['sources.importAddresses']({ addresses }), onProgress)

describe('importing sources from their addresses', () => {
  const temp = useTempDir()

  it('fetches a page, cuts it to the article, fills its record from its metadata and keeps the snapshot with its addresses', async () => {
    const core = await newCore(temp())
    const summary = await importAddresses(core, [web.url('/short/up'), web.url('/reports/integrated-care')])
    expect(summary.failed).toEqual([])
    expect(summary.imported.map((i) => i.fileName)).toEqual([web.url('/short/up'), web.url('/reports/integrated-care')])
    expect(summary.imported[0]!.doi).toBe('10.5555/jpc.2026.012')
    const article = await core.handlers['sources.get']({ id: summary.imported[0]!.sourceId })
    expect(article.format).toBe('html')
    expect(article.text).toContain('Waiting times rose by 2.1 per cent')
    expect(article.text).not.toContain('Log in')
    expect(article.csl).toMatchObject({
      type: 'article-journal',
      title: 'Under pressure: general practice in 2026',
      author: [{ family: 'Jones', given: 'Roger' }, { family: 'Smith', given: 'Alice' }],
      'container-title': 'Journal of Primary Care',
      publisher: 'Primary Care Press',
      issued: { 'date-parts': [[2026, 3, 14]] },
      volume: '12',
      page: '101–109',
      DOI: '10.5555/jpc.2026.012',
      URL: web.url('/articles/under-pressure'),
    })
    expect(article.csl.accessed?.['date-parts']?.[0]?.[0]).toBe(new Date().getUTCFullYear())
    expect(article.web).toMatchObject({ address: web.url('/short/up'), finalUrl: web.url('/articles/under-pressure') })
    expect(Date.now() - Date.parse(article.web!.fetchedAt)).toBeLessThan(60_000)
    const original = await core.handlers['sources.original']({ id: article.id })
    expect(Buffer.from(original.dataBase64, 'base64').toString()).toContain('citation_title')

    const report = await core.handlers['sources.get']({ id: summary.imported[1]!.sourceId })
    expect(report.csl).toMatchObject({ type: 'report', title: 'Integrated care: what the evidence says', author: [{ family: 'Patel', given: 'Priya' }], publisher: 'The Policy Institute', issued: { 'date-parts': [[2025, 11, 2]] } })
    core.close()
  })

  it('imports the addresses of PDFs and Word documents as those formats, whatever the server calls them', async () => {
    const core = await newCore(temp())
    const summary = await importAddresses(core, [web.url('/files/annual-report'), web.url('/files/response.docx')])
    expect(summary.failed).toEqual([])
    const [pdf, docx] = await Promise.all(summary.imported.map((i) => core.handlers['sources.get']({ id: i.sourceId })))
    expect(pdf).toMatchObject({ format: 'pdf', fileName: '127.0.0.1 - annual-report.pdf', title: 'Annual report on general practice' })
    expect(pdf!.text).toContain('The workforce grew by 1.2 per cent')
    expect(pdf!.csl.URL).toBe(web.url('/files/annual-report'))
    expect(pdf!.provenance.URL).toEqual({ kind: 'document', detail: 'the address the page was fetched from' })
    expect(docx).toMatchObject({ format: 'docx', fileName: '127.0.0.1 - response.docx' })
    expect(docx!.text).toContain('Consultation response on primary care networks.')
    core.close()
  })

  it('refuses a log-in wall, an image, a missing page and a redirect to a file, each with its reason, importing nothing of them', async () => {
    const core = await newCore(temp())
    const summary = await importAddresses(core, [web.url('/members-only'), web.url('/logo.png'), web.url('/gone'), web.url('/to-file'), web.url('/articles/under-pressure')])
    expect(summary.imported).toHaveLength(1)
    expect(summary.failed.map((f) => [f.code, f.message])).toEqual([
      ['UNSUPPORTED_FORMAT', expect.stringMatching(/^Not an article: the page holds no readable text \(a log-in wall, a captcha/)],
      ['UNSUPPORTED_FORMAT', expect.stringMatching(/logo.png is “image\/png”, not a web page, PDF or Word document/)],
      ['NOT_FOUND', expect.stringMatching(/Nothing is at .*\/gone \(the server answered 404\)/)],
      ['FORBIDDEN', expect.stringMatching(/redirected to a file: address, which Evident does not follow/)],
    ])
    expect(await core.handlers['sources.list']({})).toHaveLength(1)
    core.close()
  })

  it('refuses the whole batch, before fetching anything, when an address is not http(s)', async () => {
    const core = await newCore(temp())
    const before = web.requests.length
    await expect(core.handlers['sources.importAddresses']({ addresses: [web.url('/articles/under-pressure'), 'javascript:alert(1)'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/only http:\/\/ and https:\/\/ addresses, not javascript: ones/),
    })
    await expect(core.handlers['sources.importAddresses']({ addresses: ['file:///etc/passwd'] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(web.requests.length).toBe(before)
    expect(await core.handlers['sources.list']({})).toEqual([])
    core.close()
  })

  it('cancels a fetch that is still arriving', async () => {
    const core = await newCore(temp())
    const done = importAddresses(core, [web.url('/slow'), web.url('/articles/under-pressure')], (batchId) => {
      setTimeout(() => void core.handlers['sources.cancelImport']({ batchId }), 200)
    })
    const summary = await done
    expect(summary.cancelled).toBe(true)
    expect(await core.handlers['sources.list']({})).toEqual([])
    core.close()
  })
})
