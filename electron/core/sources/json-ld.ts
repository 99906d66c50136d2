import type { CslItem } from '../../shared/dto/csl'
import { cleanDoi, cleanMetaText, parseDate, parseName, safeUrl } from './metadata'

type Json = Record<string, unknown>

/** schema.org types that describe the page's own text, mapped to the CSL type they are. */
const ARTICLE_TYPES: Record<string, string> = {
  Article: 'article',
  NewsArticle: 'article-newspaper',
  ScholarlyArticle: 'article-journal',
  Report: 'report',
  BlogPosting: 'post-weblog',
  WebPage: 'webpage',
  Book: 'book',
}
/** A page's JSON-LD is small; a huge one is not read (it is the page's own text, parsed in the parser process). */
const MAX_JSON_LD_CHARS = 1024 * 1024

function objects(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(objects)
  if (!value || typeof value !== 'object') return []
  const graph = (value as Json)['@graph']
  return [value as Json, ...(graph ? objects(graph) : [])]
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanMetaText(value)
  if (Array.isArray(value)) return text(value[0])
  if (value && typeof value === 'object') return text((value as Json).name)
  return undefined
}

function typeOf(item: Json): string | undefined {
  const types = ([] as unknown[]).concat(item['@type'] ?? [])
  return types.map((t) => (typeof t === 'string' ? ARTICLE_TYPES[t] : undefined)).find(Boolean)
}

/** The schema.org description a page gives of itself in <script type="application/ld+json">. */
export function metadataFromJsonLd(document: Document, baseUrl?: string): Partial<CslItem> {
  const items = Array.from(document.querySelectorAll('script[type="application/ld+json"]')).flatMap((script) => {
    const source = script.textContent ?? ''
    if (source.length > MAX_JSON_LD_CHARS) return []
    try {
      return objects(JSON.parse(source))
    } catch {
      return []
    }
  })
  const item = items.find((candidate) => typeOf(candidate) && typeOf(candidate) !== 'webpage') ?? items.find(typeOf)
  if (!item) return {}
  const authors = ([] as unknown[])
    .concat(item.author ?? [])
    .map(text)
    .filter((name): name is string => !!name)
    .map(parseName)
    .filter((name) => !!name)
  const identifier = ([] as unknown[]).concat(item.identifier ?? []).map(text).find((value) => value && cleanDoi(value))
  const result: Partial<CslItem> = {
    type: typeOf(item),
    title: text(item.headline) ?? text(item.name),
    author: authors.length ? authors.slice(0, 500) : undefined,
    issued: parseDate(text(item.datePublished)),
    publisher: text(item.publisher),
    'container-title': text(item.isPartOf),
    URL: safeUrl(text(item.url), baseUrl),
    DOI: identifier ? cleanDoi(identifier) : undefined,
  }
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined))
}
