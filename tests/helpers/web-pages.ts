import { Document, Packer, Paragraph } from 'docx'
import { makePdf } from '../fixtures/make-pdf'
import { redirect, send, type Route } from './fixture-server'

const PARAGRAPH = 'General practice is the foundation of the NHS, and its pressures are felt across the whole system. '

/** A journal article page as publishers write them: Highwire citation_* tags, Dublin Core and Open Graph. */
export const ARTICLE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Under pressure | Journal of Primary Care</title>
<meta name="citation_title" content="Under pressure: general practice in 2026">
<meta name="citation_author" content="Jones, Roger">
<meta name="citation_author" content="Smith, Alice">
<meta name="citation_journal_title" content="Journal of Primary Care">
<meta name="citation_publication_date" content="2026/03/14">
<meta name="citation_volume" content="12"><meta name="citation_issue" content="3">
<meta name="citation_firstpage" content="101"><meta name="citation_lastpage" content="109">
<meta name="citation_doi" content="10.5555/jpc.2026.012">
<meta name="DC.publisher" content="Primary Care Press">
<meta property="og:site_name" content="Journal of Primary Care">
<link rel="canonical" href="/articles/under-pressure">
</head><body><nav><a href="/">Home</a> <a href="/login">Log in</a></nav>
<article><h1>Under pressure: general practice in 2026</h1>
<p>${PARAGRAPH.repeat(3)}</p>
<p>Waiting times rose by 2.1 per cent in the year to March, the sharpest rise recorded since the series began.</p>
<p>${PARAGRAPH.repeat(2)}</p></article>
<footer>© Primary Care Press</footer></body></html>`

/** A think-tank page that describes itself only in JSON-LD. */
export const JSON_LD_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Integrated care</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"The Policy Institute"},
{"@type":"Report","headline":"Integrated care: what the evidence says","author":[{"@type":"Person","name":"Priya Patel"}],
"datePublished":"2025-11-02","publisher":{"@type":"Organization","name":"The Policy Institute"}}]}</script>
</head><body><main><h1>Integrated care: what the evidence says</h1><p>${PARAGRAPH.repeat(4)}</p><p>Integration alone does not cut admissions.</p></main></body></html>`

/** What a paywalled site serves a stranger: a log-in form and nothing to read. */
export const LOGIN_WALL_HTML = `<!doctype html><html><head><title>Sign in</title></head><body>
<form><label>Email <input name="email"></label><label>Password <input type="password" name="p"></label><button>Sign in</button></form>
<p>Subscribe to read.</p></body></html>`

export function samplePdf(): Uint8Array {
  return makePdf([{ lines: ['Annual report on general practice', '', 'The workforce grew by 1.2 per cent over the year.'] }], { info: { Title: 'Annual report on general practice' } })
}

export async function sampleDocx(): Promise<Uint8Array> {
  const document = new Document({ sections: [{ children: [new Paragraph('Consultation response on primary care networks.')] }], title: 'Consultation response' })
  return new Uint8Array(await Packer.toBuffer(document))
}

/** A small web: an article behind a redirect, a JSON-LD report, a log-in wall, a PDF, a .docx and an image. */
export async function webRoutes(): Promise<Record<string, Route>> {
  return {
    '/articles/under-pressure': send(ARTICLE_HTML),
    '/short/up': redirect('/articles/under-pressure', 301),
    '/reports/integrated-care': send(JSON_LD_HTML),
    '/members-only': send(LOGIN_WALL_HTML),
    '/files/annual-report': send(samplePdf(), 'application/octet-stream'),
    '/files/response.docx': send(await sampleDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    '/logo.png': send(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'image/png'),
  }
}
