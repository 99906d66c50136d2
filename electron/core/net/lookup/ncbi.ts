import type { CslItem, CslName } from '../../../shared/dto/csl'
import { parseDate } from './dates'

type Json = Record<string, unknown>
const str = (value: unknown, max = 2000) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined)

/** "Smith AB" (E-utilities' author names: family name, then initials) → CSL. */
function author(name: string): CslName {
  const match = /^(.+?)\s+([A-Z]{1,4})$/.exec(name.trim())
  return match ? { family: match[1]!, given: match[2]!.split('').join('. ') + '.' } : { literal: name.trim() }
}

/** An esummary answer (db=pubmed, retmode=json) → CSL, or null when PubMed has no such article. */
export function cslFromEsummary(answer: unknown, pmid: string): Partial<CslItem> | null {
  const doc = ((answer as Json | null)?.result as Json | undefined)?.[pmid] as Json | undefined
  if (!doc || typeof doc !== 'object' || doc.error || !str(doc.title)) return null
  const authors = Array.isArray(doc.authors)
    ? (doc.authors as Json[]).filter((a) => str(a?.name)).map((a) => author(str(a.name)!)).slice(0, 500)
    : []
  const ids = Array.isArray(doc.articleids) ? (doc.articleids as Json[]) : []
  const doi = str(ids.find((a) => a?.idtype === 'doi')?.value, 500)
  const record: Partial<CslItem> = {
    type: 'article-journal',
    title: str(doc.title)!.replace(/\.$/, ''),
    author: authors.length ? authors : undefined,
    'container-title': str(doc.fulljournalname) ?? str(doc.source),
    issued: parseDate(str(doc.pubdate) ?? str(doc.epubdate)),
    volume: str(doc.volume, 100),
    issue: str(doc.issue, 100),
    page: str(doc.pages, 100),
    DOI: doi,
    PMID: pmid,
  }
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<CslItem>
}
