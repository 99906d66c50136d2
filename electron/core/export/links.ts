import type { CslItem } from '../../shared/dto/csl'
import type { SourceFormat } from '../../shared/dto/sources'
import type { StyledRun } from '../citations/runs'

/** Where a reference leads a reader: its DOI (stable) and/or its URL. */
export interface ReferenceLink {
  url: string
  /** Strings a style may already print for it, longest first, so we link those words instead of adding more. */
  shownAs: string[]
}

export interface ReferenceLinks {
  /** The link every reference ends with: the DOI if it has one, otherwise the URL. */
  primary?: ReferenceLink
  /** Other addresses the style may print (a URL beside a DOI): linked where they appear, never added. */
  others: ReferenceLink[]
}

const WEB_TYPES = new Set(['webpage', 'post-weblog', 'article-magazine', 'article-newspaper'])

/** The style's text gets links on the addresses it printed and nothing more: no DOI glued after its URL. */
export function printedOnly(links: ReferenceLinks): ReferenceLinks {
  return { others: [...(links.primary ? [links.primary] : []), ...links.others] }
}

export function isSafeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(url.trim())
}

export function referenceLinks(csl: CslItem): ReferenceLinks {
  const doi = typeof csl.DOI === 'string' ? csl.DOI.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '') : ''
  const rawUrl = typeof csl.URL === 'string' ? csl.URL.trim() : ''
  const url = rawUrl && /^https?:\/\//i.test(rawUrl) ? { url: rawUrl, shownAs: [rawUrl] } : undefined
  if (doi) {
    const doiUrl = `https://doi.org/${doi}`
    const primary = { url: doiUrl, shownAs: [doiUrl, `http://doi.org/${doi}`, `https://dx.doi.org/${doi}`, `doi:${doi}`, `doi: ${doi}`, doi] }
    return { primary, others: url ? [url] : [] }
  }
  return url ? { primary: url, others: [] } : { others: [] }
}

/** Text Fragments percent-encoding: encodeURIComponent leaves '-' alone, but the spec reserves it in text=. */
export function encodeTextDirective(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D')
}

/**
 * A link that opens a web source scrolled to the quoted words (URL#:~:text=start,end). Long quotes use their
 * first and last words so a small edit in the middle of the page text does not break the link.
 */
export function textFragmentUrl(csl: CslItem, format: SourceFormat | undefined, quote: string): string | undefined {
  const url = typeof csl.URL === 'string' ? csl.URL.trim() : ''
  if (!url || !/^https?:\/\//i.test(url)) return undefined
  if (!WEB_TYPES.has(csl.type) && format !== 'html') return undefined
  const words = quote.trim().split(/\s+/).filter(Boolean)
  if (!words.length) return undefined
  const base = url.split('#')[0]!
  const directive =
    words.length <= 8
      ? encodeTextDirective(words.join(' '))
      : `${encodeTextDirective(words.slice(0, 4).join(' '))},${encodeTextDirective(words.slice(-4).join(' '))}`
  return `${base}#:~:text=${directive}`
}

export type Segment = { kind: 'text'; run: StyledRun } | { kind: 'link'; url: string; runs: StyledRun[] }

function sliceRuns(runs: StyledRun[], from: number, to: number): StyledRun[] {
  const out: StyledRun[] = []
  let pos = 0
  for (const run of runs) {
    const start = Math.max(from, pos)
    const end = Math.min(to, pos + run.text.length)
    if (start < end) out.push({ ...run, text: run.text.slice(start - pos, end - pos) })
    pos += run.text.length
  }
  return out
}

interface Match {
  at: number
  end: number
  url: string
}

function findShown(text: string, link: ReferenceLink, taken: Match[]): Match | undefined {
  for (const shown of link.shownAs) {
    for (let at = text.indexOf(shown); at >= 0; at = text.indexOf(shown, at + 1)) {
      const end = at + shown.length
      if (!taken.some((m) => at < m.end && end > m.at)) return { at, end, url: link.url }
    }
  }
  return undefined
}

/**
 * Turns the words of a reference that already show its DOI or URL into real hyperlinks; if the style printed
 * no DOI/URL, the primary link is added at the end, so every reference leads back to its original.
 */
export function linkRuns(runs: StyledRun[], links: ReferenceLinks): Segment[] {
  const text = runs.map((r) => r.text).join('')
  const matches: Match[] = []
  const primary = links.primary ? findShown(text, links.primary, matches) : undefined
  if (primary) matches.push(primary)
  for (const other of links.others) {
    const found = findShown(text, other, matches)
    if (found) matches.push(found)
  }
  matches.sort((a, b) => a.at - b.at)
  const segments: Segment[] = []
  const asText = (list: StyledRun[]) => list.forEach((run) => segments.push({ kind: 'text', run }))
  let pos = 0
  for (const m of matches) {
    asText(sliceRuns(runs, pos, m.at))
    segments.push({ kind: 'link', url: m.url, runs: sliceRuns(runs, m.at, m.end) })
    pos = m.end
  }
  asText(sliceRuns(runs, pos, text.length))
  if (links.primary && !primary) {
    if (text && !/\s$/.test(text)) asText([{ text: ' ' }])
    segments.push({ kind: 'link', url: links.primary.url, runs: [{ text: links.primary.url }] })
  }
  return segments
}
