import { createServer } from 'node:net'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Core } from '../../electron/core/app/core'
import { coreOnNewProject, importDone } from '../helpers/core-on-project'
import { json, send, useFixtureServer } from '../helpers/fixture-server'
import { useTempDir } from '../helpers/temp'
import { methodArgs } from '@shared/contract/index'
import { installZotero, zoteroEnv, zoteroLibrary } from '../helpers/zotero-fixtures'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'

const server = useFixtureServer(() => ({}), { env: zoteroEnv })
beforeAll(() => installZotero(server, zoteroLibrary(mkdtempSync(join(tmpdir(), 'evident-zotero-')))))

const newCore = (dir: string) => coreOnNewProject(dir, { starter: false, name: 'zotero.evident' })
const importZotero = (core: Core, keys: string[]) => importDone(core, () => core.handlers['sources.importZotero']({ keys }))

/** A port nothing listens on: Zotero is not running. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function withZoteroAt(address: string, run: () => Promise<void>) {
  const before = process.env.EVIDENT_ZOTERO_API
  process.env.EVIDENT_ZOTERO_API = address
  try {
    await run()
  } finally {
    process.env.EVIDENT_ZOTERO_API = before
  }
}

describe('adding sources from the analyst’s Zotero library', () => {
  const temp = useTempDir()

  it('searches the library and shows each item with its attachments (notes left out), with Zotero’s total', async () => {
    const core = await newCore(temp())
    const all = await core.handlers['zotero.search']({ query: '' })
    expect(all.total).toBe(8)
    const article = all.items.find((i) => i.key === 'ABCD2345')!
    expect(article).toMatchObject({ itemType: 'journalArticle', title: 'Under pressure: general practice in 2026', creators: 'Jones and Smith', year: '2026' })
    expect(article.attachments).toEqual([{ key: 'PDFA2345', title: 'Full Text PDF', contentType: 'application/pdf', linkMode: 'imported_file', importable: true }])
    const found = await core.handlers['zotero.search']({ query: 'patel' })
    expect(found.items.map((i) => i.key)).toEqual(['EFGH6789'])
    expect(found.items[0]!.attachments[0]).toMatchObject({ title: 'Snapshot', contentType: 'text/html', importable: true })
    const request = server.requests.find((r) => r.path.includes('/items/top') && r.path.includes('q=patel'))!
    expect(request.path).toContain('qmode=titleCreatorYear')
    expect(server.requests.every((r) => !r.path.includes('/file') || r.path.endsWith('/file'))).toBe(true)
    core.close()
  })

  it('imports the chosen items with their records “from Zotero” and their PDF or snapshot, read in the normal import path', async () => {
    const core = await newCore(temp())
    const summary = await importZotero(core, ['ABCD2345', 'EFGH6789', 'JKLM2345'])
    expect(summary.failed).toEqual([])
    expect(summary.imported.map((i) => i.title)).toEqual(['Under pressure: general practice in 2026', 'Integrated care: a page saved from the web', 'NHS long term workforce plan'])
    const [pdf, page, report] = await Promise.all(summary.imported.map((i) => core.handlers['sources.get']({ id: i.sourceId })))
    expect(pdf).toMatchObject({ format: 'pdf', fileName: 'Jones and Smith - 2026 - Under pressure.pdf' })
    expect(pdf!.text).toContain('The workforce grew by 1.2 per cent')
    expect(pdf!.csl).toMatchObject({
      type: 'article-journal',
      title: 'Under pressure: general practice in 2026',
      author: [{ family: 'Jones', given: 'Roger' }, { family: 'Smith', given: 'Alice' }],
      'container-title': 'Journal of Primary Care',
      DOI: '10.5555/jpc.2026.012',
      // Zotero writes the year as a string; the CSL path keeps it as written (citeproc reads both).
      issued: { 'date-parts': [['2026', 3, 14]] },
    })
    expect(pdf!.provenance.title).toEqual({ kind: 'lookup', detail: 'Zotero' })
    expect(pdf!.provenance.author).toEqual({ kind: 'lookup', detail: 'Zotero' })
    expect(page).toMatchObject({ format: 'html', title: 'Integrated care: a page saved from the web' })
    expect(page!.text).toContain('Waiting times rose by 2.1 per cent')
    expect(report).toMatchObject({ referenceOnly: true, title: 'NHS long term workforce plan' })
    expect(report!.csl.author).toEqual([{ literal: 'NHS England' }])
    // Importing the same item again finds its file already in the project.
    const again = await importZotero(core, ['ABCD2345'])
    expect(again.duplicates.map((d) => d.existingTitle)).toEqual(['Under pressure: general practice in 2026'])
    core.close()
  })

  it('follows the one file redirect only into the attachment’s own folder of Zotero’s storage: elsewhere, links, other schemes and oversized files are refused by name, nothing half-imported', async () => {
    const core = await newCore(temp())
    const before = (await core.handlers['sources.list']({})).length
    const summary = await importZotero(core, ['LINK2345', 'DTSX2345', 'HTTP2345', 'SYMB2345', 'BIGG2345'])
    expect(summary.imported).toEqual([])
    const messages = Object.fromEntries(summary.failed.map((f) => [f.fileName, `${f.code}: ${f.message}`]))
    expect(messages['Zotero item LINK2345']).toMatch(/^FORBIDDEN: Zotero pointed attachment LNKD2345 at a file outside its storage folder \(\/etc\/passwd\)/)
    expect(messages['Zotero item DTSX2345']).toMatch(/^FORBIDDEN: .*outside its storage folder .*secret\.pdf/)
    expect(messages['Zotero item HTTP2345']).toMatch(/^FORBIDDEN: Zotero pointed attachment HTTD2345 at a http: address; Evident reads attachment files only from Zotero's own storage folder/)
    expect(messages['Zotero item SYMB2345']).toMatch(/^FORBIDDEN: .*a symbolic link/)
    expect(messages['Zotero item BIGG2345']).toMatch(/^FILE_TOO_LARGE: “scan\.pdf” \(Zotero attachment HUGE2345\) is 100 MB; the limit is 100 MB/)
    expect(await core.handlers['sources.list']({})).toHaveLength(before)
    core.close()
  })

  it('says how to turn on the local API when Zotero is not running, or answers 403 because it is off', async () => {
    const core = await newCore(temp())
    await withZoteroAt(`http://127.0.0.1:${await closedPort()}/api`, async () => {
      await expect(core.handlers['zotero.search']({ query: '' })).rejects.toMatchObject({
        code: 'NETWORK_ERROR',
        message: expect.stringMatching(/^Zotero is not running on this computer .*Settings › Advanced .*“Allow other applications on this computer to communicate with Zotero”/),
      })
      const summary = await importZotero(core, ['ABCD2345'])
      expect(summary.failed[0]!.message).toMatch(/^Zotero is not running/)
    })
    server.routes.set('/off/api/users/0/items/top', send('Local API is not enabled', 'text/plain', 403))
    await withZoteroAt(server.url('/off/api'), async () => {
      await expect(core.handlers['zotero.search']({ query: '' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^Zotero is running but does not let other applications read its library\. In Zotero 7/) })
    })
    expect(await core.handlers['sources.list']({})).toHaveLength(0)
    core.close()
  })

  it('refuses garbage answers plainly: an HTML page, a cut-off body, items of the wrong shape, a record that is not CSL-JSON', async () => {
    const core = await newCore(temp())
    const routes: Record<string, Parameters<typeof server.routes.set>[1]> = {
      '/html/api/users/0/items/top': send('<html><body>Router login</body></html>'),
      '/cut/api/users/0/items/top': send('[{"key":"ABCD2345","data":{', 'application/json'),
      '/shape/api/users/0/items/top': json([{ key: 'not a key', data: {} }]),
      '/csl/api/users/0/items/ABCD2345': json({ nothing: true }),
    }
    for (const [path, route] of Object.entries(routes)) server.routes.set(path, route)
    await withZoteroAt(server.url('/html/api'), () => expect(core.handlers['zotero.search']({ query: '' })).rejects.toThrow(/did not send Zotero's data \(text\/html, not readable JSON\)/))
    await withZoteroAt(server.url('/cut/api'), () => expect(core.handlers['zotero.search']({ query: '' })).rejects.toThrow(/did not send Zotero's data/))
    await withZoteroAt(server.url('/shape/api'), () => expect(core.handlers['zotero.search']({ query: '' })).rejects.toThrow(/was not a list of items as its local API sends them/))
    await withZoteroAt(server.url('/csl/api'), async () => {
      const summary = await importZotero(core, ['ABCD2345'])
      expect(summary.failed[0]).toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringMatching(/was not a CSL-JSON record/) })
    })
    expect(await core.handlers['sources.list']({})).toHaveLength(0)
    expect(methodArgs['sources.importZotero'].safeParse({ keys: ['../../x'] }).error?.issues[0]?.message).toBe('A Zotero item key is eight capital letters and digits.')
    core.close()
  })
})
