import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { json, send, type FixtureServer, type Route } from './fixture-server'
import { ARTICLE_HTML, samplePdf } from './web-pages'

/**
 * The Zotero 7 local API (http://localhost:23119/api/, Web API v3 shapes) on the fixture server, over a
 * storage folder in a temp dir laid out as Zotero's is (`storage/ATTACHMENTKEY/file`). Answers carry the
 * headers Zotero sends (Zotero-API-Version, Total-Results, Last-Modified-Version).
 */
export const ZOTERO_PREFIX = '/zotero/api'
const LIB = `${ZOTERO_PREFIX}/users/0`
const HEADERS = { 'zotero-api-version': '3', 'zotero-schema-version': '29', 'last-modified-version': '412' }

export interface FixtureItem {
  key: string
  data: Record<string, unknown>
  meta: Record<string, unknown>
  csl: Record<string, unknown>
  children: FixtureAttachment[]
}

export interface FixtureAttachment {
  key: string
  data: Record<string, unknown>
  /** Where /file redirects; undefined answers 404 (a file not downloaded). */
  location?: string
}

function links(server: FixtureServer, key: string) {
  return {
    self: { href: server.url(`${LIB}/items/${key}`), type: 'application/json' },
    alternate: { href: `https://www.zotero.org/users/local/kq3Tz8wd/items/${key}`, type: 'text/html' },
  }
}

const library = { type: 'user', id: 0, name: 'My Library', links: { alternate: { href: 'https://www.zotero.org/', type: 'text/html' } } }

/** What the local API wraps every object in: its key, version, library and links (its own and `more`). */
function envelope(server: FixtureServer, key: string, version: number, more: object) {
  return { key, version, library, links: { ...links(server, key), ...more } }
}

function itemJson(server: FixtureServer, item: FixtureItem) {
  const attachment = item.children.find((c) => c.data.contentType === 'application/pdf') ?? item.children[0]
  return {
    ...envelope(server, item.key, 410, attachment ? { attachment: { href: server.url(`${LIB}/items/${attachment.key}`), type: 'application/json', attachmentType: attachment.data.contentType, attachmentSize: 2048 } } : {}),
    meta: { ...item.meta, numChildren: item.children.length },
    data: { key: item.key, version: 410, ...item.data, tags: [], collections: ['HN7PZXHN'], relations: {}, dateAdded: '2026-11-02T10:15:00Z', dateModified: '2026-11-20T09:00:00Z' },
  }
}

function childJson(server: FixtureServer, parent: string, child: FixtureAttachment) {
  return {
    ...envelope(server, child.key, 411, {
      up: { href: server.url(`${LIB}/items/${parent}`), type: 'application/json' },
      enclosure: { href: server.url(`${LIB}/items/${child.key}/file/view`), type: child.data.contentType, title: child.data.filename, length: 2048 },
    }),
    meta: {},
    data: { key: child.key, version: 411, parentItem: parent, itemType: 'attachment', note: '', charset: '', md5: 'a3b1c9d0e8f7a6b5c4d3e2f1a0b9c8d7', mtime: 1764000000000, tags: [], relations: {}, dateAdded: '2026-11-02T10:15:00Z', dateModified: '2026-11-02T10:15:00Z', ...child.data },
  }
}

const pdfChild = (key: string, filename: string, location: string | undefined): FixtureAttachment => ({
  key,
  data: { linkMode: 'imported_file', title: 'Full Text PDF', accessDate: '', url: '', contentType: 'application/pdf', filename },
  location,
})

/** A note is a child too: the search must leave it out of the attachments. */
const NOTE = { key: 'NQTE2345', data: { itemType: 'note', note: '<p>Read for the brief</p>' } }

/** Puts `name` into Zotero's storage folder under `storage/KEY/` and gives its file:// URL. */
export function storeFile(storage: string, key: string, name: string, bytes: Uint8Array | string): string {
  mkdirSync(join(storage, key), { recursive: true })
  writeFileSync(join(storage, key, name), bytes)
  return pathToFileURL(join(storage, key, name)).href
}

/**
 * The analyst's library: a journal article with its PDF, a web page with its snapshot, a report with no file
 * (a reference alone), and attachments whose file redirects go where they must not.
 */
export function zoteroLibrary(dataDir: string): FixtureItem[] {
  const storage = join(dataDir, 'storage')
  const pdf = storeFile(storage, 'PDFA2345', 'Jones and Smith - 2026 - Under pressure.pdf', samplePdf())
  const snapshot = storeFile(storage, 'SNAP6789', 'under-pressure.html', ARTICLE_HTML)
  // A file 1 byte over the import limit, sparse, so the test costs no disk.
  storeFile(storage, 'HUGE2345', 'scan.pdf', '')
  truncateSync(join(storage, 'HUGE2345', 'scan.pdf'), 100 * 1024 * 1024 + 1)
  mkdirSync(join(storage, 'SYML2345'), { recursive: true })
  writeFileSync(join(dataDir, 'secret.pdf'), samplePdf())
  symlinkSync(join(dataDir, 'secret.pdf'), join(storage, 'SYML2345', 'linked.pdf'))
  const bad = (key: string, title: string, attachment: FixtureAttachment): FixtureItem => ({
    key,
    data: { itemType: 'report', title, creators: [{ creatorType: 'author', lastName: 'Bad', firstName: 'Case' }], date: '2020' },
    meta: { creatorSummary: 'Bad', parsedDate: '2020' },
    csl: { id: `0/${key}`, type: 'report', title, author: [{ family: 'Bad', given: 'Case' }], issued: { 'date-parts': [['2020']] } },
    children: [attachment],
  })
  return [
    {
      key: 'ABCD2345',
      data: {
        itemType: 'journalArticle',
        title: 'Under pressure: general practice in 2026',
        creators: [
          { creatorType: 'author', firstName: 'Roger', lastName: 'Jones' },
          { creatorType: 'author', firstName: 'Alice', lastName: 'Smith' },
        ],
        abstractNote: 'Waiting times and the workforce in general practice.',
        publicationTitle: 'Journal of Primary Care',
        volume: '12',
        pages: '101-109',
        date: '2026-03-14',
        DOI: '10.5555/jpc.2026.012',
        url: 'https://journals.example.org/jpc/under-pressure',
      },
      meta: { creatorSummary: 'Jones and Smith', parsedDate: '2026-03-14' },
      csl: {
        id: '0/ABCD2345',
        type: 'article-journal',
        title: 'Under pressure: general practice in 2026',
        'container-title': 'Journal of Primary Care',
        page: '101-109',
        volume: '12',
        abstract: 'Waiting times and the workforce in general practice.',
        URL: 'https://journals.example.org/jpc/under-pressure',
        DOI: '10.5555/jpc.2026.012',
        author: [
          { family: 'Jones', given: 'Roger' },
          { family: 'Smith', given: 'Alice' },
        ],
        issued: { 'date-parts': [['2026', 3, 14]] },
      },
      children: [pdfChild('PDFA2345', 'Jones and Smith - 2026 - Under pressure.pdf', pdf), NOTE as FixtureAttachment],
    },
    {
      key: 'EFGH6789',
      data: { itemType: 'webpage', title: 'Integrated care: a page saved from the web', creators: [{ creatorType: 'author', firstName: 'Priya', lastName: 'Patel' }], websiteTitle: 'The Policy Institute', date: '2025-11-02', url: 'https://policy.example.org/integrated-care' },
      meta: { creatorSummary: 'Patel', parsedDate: '2025-11-02' },
      csl: { id: '0/EFGH6789', type: 'webpage', title: 'Integrated care: a page saved from the web', 'container-title': 'The Policy Institute', URL: 'https://policy.example.org/integrated-care', author: [{ family: 'Patel', given: 'Priya' }], issued: { 'date-parts': [['2025', 11, 2]] } },
      children: [{ key: 'SNAP6789', data: { linkMode: 'imported_url', title: 'Snapshot', accessDate: '2025-11-03T08:00:00Z', url: 'https://policy.example.org/integrated-care', contentType: 'text/html', charset: 'utf-8', filename: 'under-pressure.html' }, location: snapshot }],
    },
    {
      key: 'JKLM2345',
      data: { itemType: 'report', title: 'NHS long term workforce plan', creators: [{ creatorType: 'author', name: 'NHS England', fieldMode: 1 }], institution: 'NHS England', date: '2023-06-30' },
      meta: { creatorSummary: 'NHS England', parsedDate: '2023-06-30' },
      csl: { id: '0/JKLM2345', type: 'report', title: 'NHS long term workforce plan', publisher: 'NHS England', author: [{ literal: 'NHS England' }], issued: { 'date-parts': [['2023', 6, 30]] } },
      children: [],
    },
    bad('LINK2345', 'A linked file elsewhere on the disk', { ...pdfChild('LNKD2345', 'passwd', 'file:///etc/passwd'), data: { ...pdfChild('LNKD2345', 'passwd', undefined).data, linkMode: 'imported_file' } }),
    bad('DTSX2345', 'A file path that climbs out', pdfChild('DTTD2345', 'x.pdf', `${pathToFileURL(join(storage, 'DTTD2345')).href}/../../secret.pdf`)),
    bad('HTTP2345', 'A file that is on the web', pdfChild('HTTD2345', 'x.pdf', 'http://127.0.0.1:9/x.pdf')),
    bad('SYMB2345', 'A file that is a symbolic link', pdfChild('SYML2345', 'linked.pdf', pathToFileURL(join(storage, 'SYML2345', 'linked.pdf')).href)),
    bad('BIGG2345', 'A scan too large to import', pdfChild('HUGE2345', 'scan.pdf', pathToFileURL(join(storage, 'HUGE2345', 'scan.pdf')).href)),
  ]
}

/**
 * Routes of the local API for these items on `server`: /items/top (q matched on title and creators, as
 * qmode=titleCreatorYear does), /items/KEY (?format=csljson), /items/KEY/children and /items/KEY/file.
 */
export function installZotero(server: FixtureServer, items: FixtureItem[]): void {
  const page = (entries: unknown[], total: number): Route => json(entries, 200, { ...HEADERS, 'total-results': String(total) })
  server.routes.set(`${ZOTERO_PREFIX}/`, send('Nothing here.', 'text/plain', 200, HEADERS))
  server.routes.set(`${LIB}/items/top`, (req, res, url) => {
    const q = (url.searchParams.get('q') ?? '').toLowerCase()
    const found = items.filter((item) => !q || `${item.data.title} ${item.meta.creatorSummary} ${item.meta.parsedDate}`.toLowerCase().includes(q))
    const limit = Number(url.searchParams.get('limit') ?? 25)
    page(found.slice(0, limit).map((item) => itemJson(server, item)), found.length)(req, res, url)
  })
  for (const item of items) {
    server.routes.set(`${LIB}/items/${item.key}`, (req, res, url) =>
      url.searchParams.get('format') === 'csljson' ? json({ items: [item.csl] }, 200, HEADERS)(req, res, url) : json(itemJson(server, item), 200, HEADERS)(req, res, url),
    )
    server.routes.set(`${LIB}/items/${item.key}/children`, page(item.children.map((c) => childJson(server, item.key, c)), item.children.length))
    for (const child of item.children) {
      server.routes.set(`${LIB}/items/${child.key}/file`, (_req, res) => {
        if (child.location) res.writeHead(302, { ...HEADERS, location: child.location }).end()
        else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      })
    }
  }
}

export function zoteroEnv(server: FixtureServer): Record<string, string> {
  return { EVIDENT_ZOTERO_API: server.url(ZOTERO_PREFIX) }
}
