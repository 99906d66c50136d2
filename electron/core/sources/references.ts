import { cslItem } from '../../shared/contract/index'
import type { CslItem } from '../../shared/dto/csl'
import type { RecordMatch } from '../../shared/dto/sources'
import { AppError } from '../errors'

const MAX_RECORDS = 5000

type Format = '@csl/json' | '@biblatex/text' | '@ris/file'

/** We choose the parser ourselves: citation-js's auto-detection would treat a bare URL or DOI as something to fetch. */
function detectFormat(text: string): Format {
  const trimmed = text.trim()
  if (!trimmed) throw new AppError('EMPTY_FILE', 'The reference file is empty.')
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return '@csl/json'
  if (/^\s*@\w+\s*[{(]/m.test(trimmed)) return '@biblatex/text'
  if (/^TY {2}- /m.test(trimmed)) return '@ris/file'
  throw new AppError('UNSUPPORTED_FORMAT', 'This is not a reference file Evident can read: use CSL-JSON, BibTeX or RIS (as exported by Zotero, Mendeley or EndNote).')
}

function parseCslJson(text: string): unknown[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new AppError('INVALID_INPUT', `The CSL-JSON file is not valid JSON: ${(error as Error).message}`)
  }
  if (Array.isArray(value)) return value
  const items = (value as { items?: unknown }).items
  return Array.isArray(items) ? items : [value]
}

/** citation-js costs ~150 ms to load: only pay that when a reference file is actually read. */
async function loadCitationJs() {
  const { plugins } = await import('@citation-js/core')
  await Promise.all([import('@citation-js/plugin-bibtex'), import('@citation-js/plugin-ris')])
  return plugins
}

async function parseWithCitationJs(text: string, format: Exclude<Format, '@csl/json'>): Promise<unknown[]> {
  const plugins = await loadCitationJs()
  try {
    return (await plugins.input.chainAsync(text, { forceType: format, generateGraph: false, target: '@csl/list+object' })) as unknown[]
  } catch (error) {
    throw new AppError('INVALID_INPUT', `The ${format === '@ris/file' ? 'RIS' : 'BibTeX'} file could not be read: ${(error as Error).message}`)
  }
}

/** Keeps only what a citation needs and drops what fails our own rules (e.g. a javascript: URL). */
function clean(raw: unknown, index: number): CslItem | null {
  if (typeof raw !== 'object' || raw === null) return null
  const record = { ...(raw as Record<string, unknown>) }
  record.id = String(record.id ?? record['citation-key'] ?? `record-${index + 1}`).slice(0, 200)
  if (typeof record.type !== 'string' || !record.type) record.type = 'document'
  for (const key of ['URL', 'DOI', 'title', 'container-title', 'volume', 'issue', 'page', 'publisher']) {
    if (record[key] !== undefined && typeof record[key] !== 'string') record[key] = String(record[key])
  }
  if (typeof record.URL === 'string' && !/^https?:\/\//i.test(record.URL)) delete record.URL
  const parsed = cslItem.safeParse(record)
  return parsed.success ? (parsed.data as CslItem) : null
}

function normaliseDoi(doi: unknown): string | null {
  if (typeof doi !== 'string') return null
  const match = /10\.\d{4,9}\/\S+/i.exec(doi)
  return match ? match[0].toLowerCase().replace(/[.,;]+$/, '') : null
}

function normaliseTitle(title: unknown): string {
  return typeof title === 'string' ? title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() : ''
}

function words(title: string): Set<string> {
  return new Set(title.split(' ').filter((w) => w.length > 2))
}

/** Jaccard similarity of title words: tolerant of subtitles and punctuation, strict about different titles. */
function titleSimilarity(a: string, b: string): number {
  const x = words(a)
  const y = words(b)
  if (!x.size || !y.size) return 0
  let shared = 0
  for (const w of x) if (y.has(w)) shared++
  return shared / (x.size + y.size - shared)
}

function match(item: CslItem, sources: CslItem[]): Pick<RecordMatch, 'sourceId' | 'matchedBy'> {
  const doi = normaliseDoi(item.DOI)
  if (doi) {
    const hit = sources.find((s) => normaliseDoi(s.DOI) === doi)
    if (hit) return { sourceId: hit.id, matchedBy: 'doi' }
  }
  const title = normaliseTitle(item.title)
  if (title) {
    let best: { id: string; score: number } | null = null
    for (const source of sources) {
      const score = titleSimilarity(title, normaliseTitle(source.title))
      if (score >= 0.8 && (!best || score > best.score)) best = { id: source.id, score }
    }
    if (best) return { sourceId: best.id, matchedBy: 'title' }
  }
  return { sourceId: null, matchedBy: null }
}

/** Reads CSL-JSON, BibTeX or RIS and pairs each record with the source it describes, by DOI or title. */
export async function parseReferenceRecords(text: string, sources: CslItem[]): Promise<RecordMatch[]> {
  const format = detectFormat(text)
  const raw = format === '@csl/json' ? parseCslJson(text) : await parseWithCitationJs(text, format)
  if (raw.length > MAX_RECORDS) throw new AppError('FILE_TOO_LARGE', `The reference file holds ${raw.length} records; the limit is ${MAX_RECORDS}.`)
  const items = raw.map(clean).filter((item): item is CslItem => item !== null)
  if (!items.length) throw new AppError('INVALID_INPUT', 'No usable references were found in the file.')
  return items.map((item) => ({ item, ...match(item, sources) }))
}
