import { json, send, trickle, truncated, type FixtureServer, type Route } from './fixture-server'

/** The DOI the article page in web-pages.ts gives for itself. */
export const ARTICLE_DOI = '10.5555/jpc.2026.012'

/** DOI content negotiation's answer (Accept: application/vnd.citationstyles.csl+json): CSL-JSON as the agency writes it. */
const NEGOTIATED = {
  type: 'article-journal',
  id: 'https://doi.org/10.5555/jpc.2026.012',
  title: 'Under Pressure: General Practice in 2026',
  author: [
    { family: 'Jones', given: 'Roger', sequence: 'first' },
    { family: 'Smith', given: 'Alice B.', sequence: 'additional' },
  ],
  'container-title': 'Journal of Primary Care',
  publisher: 'Primary Care Press',
  issued: { 'date-parts': [[2026, 3, 14]] },
  volume: '12',
  issue: '3',
  page: '101-109',
  DOI: '10.5555/jpc.2026.012',
  URL: 'https://doi.org/10.5555/jpc.2026.012',
  ISSN: ['1234-5678'],
}

/** Crossref's works API: {status, message-type, message} with Crossref's own field names and types. */
export function crossrefWork(doi: string, extra: Record<string, unknown> = {}) {
  return {
    status: 'ok',
    'message-type': 'work',
    'message-version': '1.0.0',
    message: {
      DOI: doi,
      type: 'journal-article',
      title: ['Integration of <i>primary</i> and hospital care'],
      author: [{ given: 'Priya', family: 'Patel', sequence: 'first', affiliation: [] }],
      'container-title': ['Health Policy'],
      publisher: 'Elsevier BV',
      issued: { 'date-parts': [[2024, 5]] },
      volume: '131',
      page: '45-52',
      URL: `https://doi.org/${doi}`,
      ...extra,
    },
  }
}

const ESUMMARY = {
  header: { type: 'esummary', version: '0.3' },
  result: {
    uids: ['33782057'],
    '33782057': {
      uid: '33782057',
      pubdate: '2021 Mar 29',
      epubdate: '2021 Mar 29',
      source: 'BMJ',
      authors: [
        { name: 'Page MJ', authtype: 'Author', clusterid: '' },
        { name: 'McKenzie JE', authtype: 'Author', clusterid: '' },
      ],
      title: 'The PRISMA 2020 statement: an updated guideline for reporting systematic reviews.',
      volume: '372',
      issue: '',
      pages: 'n71',
      articleids: [
        { idtype: 'pubmed', idtypen: 1, value: '33782057' },
        { idtype: 'doi', idtypen: 3, value: '10.1136/bmj.n71' },
      ],
      fulljournalname: 'BMJ (Clinical research ed.)',
    },
  },
}
const ESUMMARY_UNKNOWN = { header: { type: 'esummary', version: '0.3' }, result: { uids: ['99999999'], '99999999': { uid: '99999999', error: 'cannot get document summary' } } }

const ARXIV = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <title type="html">ArXiv Query: search_query=&amp;id_list=2101.00001</title>
  <entry>
    <id>http://arxiv.org/abs/2101.00001v1</id>
    <published>2021-01-01T00:00:00Z</published>
    <title>Modelling demand for general
      practice appointments</title>
    <summary>We model demand.</summary>
    <author><name>Ada Lovelace</name></author>
    <author><name>Charles Babbage</name></author>
    <arxiv:doi>10.48550/arXiv.2101.00001</arxiv:doi>
    <link href="http://arxiv.org/abs/2101.00001v1" rel="alternate" type="text/html"/>
  </entry>
</feed>`
const ARXIV_EMPTY = `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title></feed>`

const OPEN_LIBRARY = {
  'ISBN:9780199535569': {
    url: 'https://openlibrary.org/books/OL22853304M/Pride_and_prejudice',
    title: 'Pride and prejudice',
    authors: [{ url: 'https://openlibrary.org/authors/OL21594A/Jane_Austen', name: 'Jane Austen' }],
    number_of_pages: 352,
    publishers: [{ name: 'Oxford University Press' }],
    publish_places: [{ name: 'Oxford' }],
    publish_date: '2008',
  },
}

/**
 * The five services on one fixture server, under /doi, /crossref, /ncbi, /arxiv and /openlibrary, answering
 * as their documentation shows, with the errors they give; `env` points Evident at them.
 */
export function serviceRoutes(): Record<string, Route> {
  const cn = (body: unknown): Route => send(JSON.stringify(body), 'application/vnd.citationstyles.csl+json')
  const route = (query: string, answer: Route, otherwise: Route): Route => (req, res, url) => (url.search.includes(query) ? answer(req, res, url) : otherwise(req, res, url))
  return {
    [`/doi/${ARTICLE_DOI}`]: cn(NEGOTIATED),
    '/doi/10.5555/cn-broken': send('Internal error', 'text/plain', 500),
    '/crossref/works/10.5555%2Fcn-broken': json(crossrefWork('10.5555/cn-broken')),
    '/crossref/works/10.5555%2Fbusy': json({ status: 'error', message: 'Too many requests' }, 429, { 'retry-after': '30' }),
    '/doi/10.5555/busy': send('<html>DOI Not Found</html>', 'text/html', 404),
    '/doi/10.5555/login-page': send('<html><body>Sign in to your institution</body></html>'),
    '/crossref/works/10.5555%2Flogin-page': send('<html><body>Sign in to your institution</body></html>'),
    '/ncbi/esummary.fcgi': route('id=33782057', json(ESUMMARY), json(ESUMMARY_UNKNOWN)),
    '/arxiv/query': route('id_list=2101.00001', send(ARXIV, 'application/atom+xml; charset=utf-8'), send(ARXIV_EMPTY, 'application/atom+xml')),
    '/openlibrary/api/books': route('ISBN:9780199535569', json(OPEN_LIBRARY), json({})),
  }
}

export function serviceEnv(server: FixtureServer): Record<string, string> {
  return {
    EVIDENT_DOI_API: server.url('/doi'),
    EVIDENT_CROSSREF_API: server.url('/crossref'),
    EVIDENT_NCBI_API: server.url('/ncbi'),
    EVIDENT_ARXIV_API: server.url('/arxiv'),
    EVIDENT_OPENLIBRARY_API: server.url('/openlibrary'),
  }
}

/** One entry of Crossref's `updated-by` list, as the works API writes it (date-parts, date-time and timestamp). */
export function crossrefUpdate(type: string, label: string, doi: string, date: [number, number, number], source = 'publisher') {
  const dateTime = `${date[0]}-${String(date[1]).padStart(2, '0')}-${String(date[2]).padStart(2, '0')}T00:00:00Z`
  return { updated: { 'date-parts': [date], 'date-time': dateTime, timestamp: Date.parse(dateTime) }, DOI: doi, type, source, label, ...(source === 'retraction-watch' ? { 'record-id': 54321 } : {}) }
}

/** DOIs Check sources asks Crossref about, each standing for one way its answer can go. */
export const CHECK_DOIS = {
  retracted: '10.5555/retracted.2024.1',
  corrected: '10.5555/corrected.2023.7',
  concern: '10.5555/concern.2025.2',
  clean: '10.5555/clean.2022.4',
  unknown: '10.5555/unknown.404',
  busy: '10.5555/busy.429',
  broken: '10.5555/broken.500',
  cut: '10.5555/cut.truncated',
  slow: '10.5555/slow.timeout',
} as const

/** Crossref's works answers (with their `updated-by` relations) and errors for CHECK_DOIS, under /crossref. */
export function crossrefUpdateRoutes(): Record<string, Route> {
  const at = (doi: string) => `/crossref/works/${encodeURIComponent(doi)}`
  return {
    [at(CHECK_DOIS.retracted)]: json(
      crossrefWork(CHECK_DOIS.retracted, { 'updated-by': [crossrefUpdate('retraction', 'Retraction', '10.5555/retraction-notice.2025', [2025, 2, 3], 'retraction-watch')] }),
    ),
    [at(CHECK_DOIS.corrected)]: json(crossrefWork(CHECK_DOIS.corrected, { 'updated-by': [crossrefUpdate('correction', 'Correction', '10.5555/correction-notice.2024', [2024, 1, 9])] })),
    [at(CHECK_DOIS.concern)]: json(
      crossrefWork(CHECK_DOIS.concern, { 'updated-by': [crossrefUpdate('expression_of_concern', 'Expression of Concern', '10.5555/eoc-notice.2025', [2025, 6, 30])] }),
    ),
    [at(CHECK_DOIS.clean)]: json(crossrefWork(CHECK_DOIS.clean)),
    [at(CHECK_DOIS.busy)]: json({ status: 'error', message: 'Too many requests' }, 429, { 'retry-after': '30' }),
    [at(CHECK_DOIS.broken)]: send('Internal Server Error', 'text/plain', 500),
    [at(CHECK_DOIS.cut)]: truncated(JSON.stringify(crossrefWork(CHECK_DOIS.cut)), 'application/json'),
    [at(CHECK_DOIS.slow)]: trickle,
  }
}
