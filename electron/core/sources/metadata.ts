import type { CslDate, CslItem, CslName } from '../../shared/dto/csl'
import { metadataFromJsonLd } from './json-ld'

export type Metadata = Partial<CslItem>

const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/i
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>()[\]{}]+/i
/** A document's own identifiers sit near its top; DOIs further down are usually in its reference list. */
const HEAD_CHARS = 3000

/** Plain text only: tags and their script/style bodies removed, whitespace collapsed. */
export function cleanMetaText(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const text = value
    .replace(/<(script|style|iframe|svg|math|object)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
    .replace(/<[^>]*>?/g, ' ')
    .replace(/\bjavascript\s*:/gi, '')
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text ? text.slice(0, 1000) : undefined
}

/** Only absolute http(s) addresses are kept: javascript:, data:, file: and relative ones are dropped. */
export function safeUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value) return undefined
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

export function cleanDoi(value: string | null | undefined): string | undefined {
  const match = value?.match(DOI)
  return match ? match[1]!.replace(/[.,;:)\]}]+$/, '') : undefined
}

/** "Smith, Jane" or "Jane Smith" → family/given; organisations and single words stay literal. */
export function parseName(value: string): CslName | undefined {
  const name = cleanMetaText(value)
  if (!name) return undefined
  if (name.includes(',')) {
    const [family, given] = name.split(',', 2).map((part) => part.trim())
    if (family && given) return { family, given }
  }
  const parts = name.split(' ')
  if (parts.length < 2 || parts.length > 4 || /\b(?:ltd|inc|nhs|college|association|trust|council)\b/i.test(name)) {
    return { literal: name }
  }
  return { family: parts[parts.length - 1]!, given: parts.slice(0, -1).join(' ') }
}

export function parseNames(values: string[]): CslName[] | undefined {
  const names = values
    .flatMap((value) => value.split(';'))
    // "Jane Smith, John Doe" lists people; "Smith, Jane" is one person written family first.
    .flatMap((value) => (value.split(',').every((part) => part.trim().includes(' ')) ? value.split(',') : [value]))
    .map(parseName)
    .filter((name): name is CslName => !!name)
  return names.length ? names : undefined
}

/** ISO dates, "2014/10/03", PDF "D:20141003120000Z", or a bare year → CSL date-parts. */
export function parseDate(value: string | null | undefined): CslDate | undefined {
  const text = cleanMetaText(value)
  if (!text) return undefined
  const match = text.match(/^(?:D:)?((?:1[5-9]|20)\d\d)(?:[-/]?(0[1-9]|1[0-2])(?:[-/]?(0[1-9]|[12]\d|3[01]))?)?/)
  if (!match) return { raw: text }
  const parts = [Number(match[1])]
  if (match[2]) parts.push(Number(match[2]))
  if (match[3]) parts.push(Number(match[3]))
  return { 'date-parts': [parts] }
}

/** DOI and URL that a text gives for itself (a "doi:" line, a "Source:" address near the top). */
export function metadataFromText(text: string): Metadata {
  const head = text.slice(0, HEAD_CHARS)
  const metadata: Metadata = {}
  const doi = cleanDoi(head)
  if (doi) metadata.DOI = doi
  const url = safeUrl(head.match(URL_IN_TEXT)?.[0]?.replace(/[.,;:]+$/, ''))
  if (url) metadata.URL = url
  return metadata
}

/** Fields from the format itself win over those guessed from the text. */
export function mergeMetadata(...sources: Metadata[]): Metadata {
  const merged: Metadata = {}
  for (const source of sources.reverse()) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) merged[key] = value
    }
  }
  return merged
}

export function metadataFromHtml(document: Document, baseUrl?: string): Metadata {
  const metas = new Map<string, string[]>()
  for (const meta of document.querySelectorAll('meta')) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase()
    const content = meta.getAttribute('content')
    if (key && content) metas.set(key, [...(metas.get(key) ?? []), content])
  }
  const first = (...keys: string[]) => {
    for (const key of keys) {
      const value = cleanMetaText(metas.get(key)?.[0])
      if (value) return value
    }
    return undefined
  }
  const all = (...keys: string[]) => keys.flatMap((key) => metas.get(key) ?? [])
  const journal = first('citation_journal_title')
  const firstPage = first('citation_firstpage')
  const lastPage = first('citation_lastpage')
  const canonical = document.querySelector('link[rel~="canonical"]')?.getAttribute('href')
  const metadata: Metadata = {
    type: journal ? 'article-journal' : undefined,
    title: first('citation_title', 'dc.title', 'dcterms.title', 'og:title'),
    author: parseNames(all('citation_author', 'dc.creator', 'dcterms.creator').map((v) => cleanMetaText(v) ?? '')),
    'container-title': journal ?? first('og:site_name'),
    publisher: first('citation_publisher', 'dc.publisher', 'dcterms.publisher'),
    issued: parseDate(first('citation_publication_date', 'citation_date', 'dc.date', 'dcterms.date', 'dcterms.issued', 'article:published_time')),
    DOI: cleanDoi(first('citation_doi', 'dc.identifier', 'dcterms.identifier')),
    volume: first('citation_volume'),
    issue: first('citation_issue'),
    page: firstPage && lastPage ? `${firstPage}–${lastPage}` : firstPage,
    URL: safeUrl(first('citation_public_url', 'og:url'), baseUrl) ?? safeUrl(canonical, baseUrl),
  }
  // citation_* and Dublin Core first, then what the page's JSON-LD says, then Open Graph's kind of guess.
  return mergeMetadata(metadata, metadataFromJsonLd(document, baseUrl), { type: 'webpage' })
}

function xmlText(xml: string, tag: string): string | undefined {
  const match = xml.match(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`))
  if (!match) return undefined
  const decoded = match[1]!
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => safeChar(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => safeChar(Number(dec)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!)
  return cleanMetaText(decoded)
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
}

/**
 * docProps/core.xml, read with plain patterns so no entity or DTD is ever interpreted. dcterms:created is when
 * the file was made, not when the work was published, so it never becomes the record's date.
 */
export function metadataFromCoreXml(xml: string): Metadata {
  const creator = xmlText(xml, 'dc:creator')
  return mergeMetadata({
    title: xmlText(xml, 'dc:title'),
    author: creator ? parseNames([creator]) : undefined,
  })
}

const TOOL_TITLES = /^(?:microsoft (?:word|powerpoint) - |untitled\b)|\.(?:docx?|pdf|indd|tex|rtf)$/i

/**
 * The PDF Info dictionary; titles that are only a file or tool name are skipped. CreationDate is the file's
 * timestamp, not the publication date, so it is not read.
 */
export function metadataFromPdfInfo(info: Record<string, unknown> | undefined): Metadata {
  const text = (key: string) => (typeof info?.[key] === 'string' ? cleanMetaText(info[key] as string) : undefined)
  const title = text('Title')
  const author = text('Author')
  return mergeMetadata({
    title: title && !TOOL_TITLES.test(title) ? title : undefined,
    author: author ? parseNames([author.replace(/\s+(?:and|&)\s+/g, '; ')]) : undefined,
  })
}
