import { cslItem } from '../../shared/contract/index'
import type { CslItem } from '../../shared/dto/csl'
import type { RecordMatch, ReferenceFileReading } from '../../shared/dto/sources'
import { AppError } from '../errors'
import { cleanCslRecord, type CleanNotes } from './csl-clean'
import { issuedYear } from './csl'
import { readReferenceEntries } from './reference-files'

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
  const year = issuedYear(item)
  if (title) {
    let best: { id: string; score: number } | null = null
    for (const source of sources) {
      // Title and year: a report's 2019 edition is not its 2023 one. A record without a year cannot disagree.
      const sourceYear = issuedYear(source)
      if (year && sourceYear && year !== sourceYear) continue
      const score = titleSimilarity(title, normaliseTitle(source.title))
      if (score >= 0.8 && (!best || score > best.score)) best = { id: source.id, score }
    }
    if (best) return { sourceId: best.id, matchedBy: 'title' }
  }
  return { sourceId: null, matchedBy: null }
}

/**
 * Reads CSL-JSON, BibTeX or RIS and pairs each record with the source it describes, by DOI or title. An entry
 * that cannot be read is skipped and named with its line and reason; the rest are read.
 */
export async function parseReferenceRecords(text: string, sources: CslItem[]): Promise<ReferenceFileReading> {
  const { format, entries, skipped, repaired } = await readReferenceEntries(text)
  const read = entries.length + skipped.length
  const notes: CleanNotes = { dropped: new Set(), cut: 0 }
  const records: RecordMatch[] = []
  entries.forEach((entry, index) => {
    const raw = entry.raw
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      skipped.push({ key: entry.key, ...(entry.line ? { line: entry.line } : {}), reason: 'it is not a record' })
      return
    }
    const parsed = cslItem.safeParse(cleanCslRecord(raw as Record<string, unknown>, `record-${index + 1}`, notes))
    if (!parsed.success) {
      skipped.push({ key: entry.key, ...(entry.line ? { line: entry.line } : {}), reason: parsed.error.issues[0]?.message ?? 'it does not fit a CSL record' })
      return
    }
    records.push({ item: parsed.data, ...match(parsed.data, sources) })
  })
  if (!records.length && !skipped.length) throw new AppError('INVALID_INPUT', 'No references were found in the file.')
  skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return { format, read, records, skipped, repaired, droppedFields: [...notes.dropped].slice(0, 50), cutFields: notes.cut }
}
