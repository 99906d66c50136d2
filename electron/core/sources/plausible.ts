import type { CslDate, CslName } from '../../shared/dto/csl'
import { parseName, type Metadata } from './metadata'
import type { Labelled } from './provenance'

/**
 * Whether a value read from a document can stand in a reference as it is. Documents carry junk in their
 * metadata (a PDF author of "ARRAY(0x2c7cf020)" from a Perl tool, a title that is the file name, a byline
 * that is a dateline); a field that fails here is left empty for the analyst rather than cited as fact.
 */
export type Verdict<T> = { accept: true; value: T } | { accept: false; reason: string }

const accept = <T>(value: T): Verdict<T> => ({ accept: true, value })
const reject = <T>(reason: string): Verdict<T> => ({ accept: false, reason })

/** A value printed by a program instead of the value itself: Perl's references, JavaScript's objects. */
const PROGRAM_DEBRIS = /\b(?:ARRAY|HASH|SCALAR|CODE|GLOB)\(0x[0-9a-f]+\)|\[object \w+\]|^(?:null|undefined|none|n\/a|nan)$/i
const TOOL_TITLES = /^(?:microsoft (?:word|powerpoint|excel) - |untitled\b|document\d*$|title$|slide \d+$|powerpoint presentation$|presentation\d*$|new document$)/i
const FILE_NAME = /^[^\s]+\.(?:docx?|pdf|indd|tex|rtf|odt|txt|html?|md|pages|qxd|ps|eps|dvi)$/i
const PATH_LIKE = /^(?:[a-z]:)?[\\/]?(?:[^\s\\/]+[\\/])+[^\s\\/]*$/i
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
/** Where a dateline starts: "April 28; 2019", "28 April", "2019-04-28", "6:01 am", "Updated", "Published". */
const DATELINE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|\\b\\d{4}-\\d{2}-\\d{2}|\\b\\d{1,2}[:.]\\d{2}\\s*(?:am|pm)?\\b|\\b(?:updated|published|posted|last modified|modified)\\b|\\b(?:19|20)\\d\\d\\b`,
  'i',
)
/** Words that are the furniture of a byline, not anybody's name. */
const NOT_NAMES = new Set(
  'admin administrator user unknown owner author authors staff editor editors reporter correspondent contributor guest anonymous team desk comments share updated published posted written edited reviewed by and the of microsoft office user'.split(
    ' ',
  ),
)
/** Lower-case words a surname may carry ("Hermann von Helmholtz", "Ludwig van Beethoven", "Ibn Khaldun"). */
const PARTICLES = new Set('von van der den de da das do dos del della di du la le al el bin ibn y zu ter ten st'.split(' '))

function nameOf(name: CslName): string {
  return name.literal ?? [name.given, name.family].filter(Boolean).join(' ')
}

/** One name: a person's (a few capitalised words) or an organisation's (literal). */
export function plausibleName(name: CslName): Verdict<CslName> {
  const text = nameOf(name).trim()
  if (!text) return reject('the name is empty')
  if (PROGRAM_DEBRIS.test(text)) return reject(`"${text}" is a program's placeholder, not a name`)
  if (/@|:\/\/|www\./i.test(text)) return reject(`"${text}" is an address, not a name`)
  if (DATELINE.test(text)) return reject(`"${text}" reads as a date or a dateline, not a name`)
  if (text.length > 120) return reject('the name is longer than any name')
  const words = text.split(/\s+/)
  if (words.every((word) => NOT_NAMES.has(word.toLowerCase().replace(/[^a-z]/g, '')))) return reject(`"${text}" is a placeholder, not a name`)
  if (name.literal) return /\p{L}{2}/u.test(text) ? accept(name) : reject(`"${text}" has no letters of a name`)
  if (/\d/.test(text)) return reject(`"${text}" has digits, which names do not`)
  if (words.length > 6) return reject(`"${text}" has more words than a name`)
  const capitalised = words.every((word) => /^[\p{Lu}\p{Lo}]/u.test(word) || PARTICLES.has(word.toLowerCase()) || /^\p{Ll}['’]\p{Lu}/u.test(word))
  return capitalised ? accept(name) : reject(`"${text}" is not written as a name (each part capitalised)`)
}

/** Every name must pass; one that does not is dropped, and none left is a rejection with the first reason. */
export function plausibleNames(names: CslName[] | undefined): Verdict<CslName[]> {
  if (!names?.length) return reject('no names')
  const kept: CslName[] = []
  let reason = ''
  for (const name of names) {
    const verdict = plausibleName(name)
    if (verdict.accept) kept.push(verdict.value)
    else reason ||= verdict.reason
  }
  return kept.length ? accept(kept) : reject(reason)
}

/**
 * The authors in a web page's byline, as Readability finds it: "By Jane Smith and John Doe"; "Written by
 * Jane Smith Edited by John Doe" → Jane Smith (editors are not authors); "Jane Smith, April 28; 2019 at
 * 6:01 am Updated…" → Jane Smith; "April 28; 2019 at 6:01 am Updated…" → nothing, it is a dateline.
 */
export function namesFromByline(byline: string | undefined): Verdict<CslName[]> {
  let text = (byline ?? '').replace(/\s+/g, ' ').trim()
  if (!text) return reject('no byline')
  const written = /\b(?:written|words|text|story|reporting)\s+by\s+/i.exec(text)
  if (written) text = text.slice(written.index + written[0].length)
  text = text.replace(/^(?:by|from|author:?)\s+/i, '')
  // The names end where the byline's other parts begin: other roles, a dateline, a separator.
  const end = text.search(new RegExp(`\\b(?:edited|reviewed|photographs?|photos?|illustrations?|additional reporting|fact[- ]checked)\\b(?:\\s+by)?|${DATELINE.source}|\\s[|•·–—]\\s|\\s-\\s`, 'i'))
  const names = (end >= 0 ? text.slice(0, end) : text).replace(/[\s,;:|–—-]+$/, '').trim()
  if (!names) return reject(`"${byline}" holds no name (it reads as a dateline)`)
  const parts = names
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean)
  return plausibleNames(parts.map((part) => parseName(part)).filter((name): name is CslName => !!name))
}

const comparable = (text: string) => text.toLowerCase().replace(/\.[a-z0-9]{2,5}$/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/** A title a reference can show: not the file name, not a tool's placeholder, not a path or debris. */
export function plausibleTitle(title: string | undefined, fileName?: string): Verdict<string> {
  const text = (title ?? '').replace(/\s+/g, ' ').trim()
  if (!text) return reject('no title')
  if (PROGRAM_DEBRIS.test(text)) return reject(`"${text}" is a program's placeholder, not a title`)
  if (TOOL_TITLES.test(text)) return reject(`"${text}" is the name a program gave the file, not its title`)
  if (FILE_NAME.test(text) || PATH_LIKE.test(text)) return reject(`"${text}" is a file name, not a title`)
  if (fileName && comparable(text) === comparable(fileName)) return reject(`"${text}" is the file's name, not its title`)
  if ((text.match(/\p{L}/gu)?.length ?? 0) < 3) return reject(`"${text}" has too few letters for a title`)
  if (text.length > 400) return reject('the title is longer than a title')
  return accept(text)
}

/** A publication date: a year from the age of print to next year (a date in the future is a typing error). */
export function plausibleDate(date: CslDate | undefined, now = new Date()): Verdict<CslDate> {
  if (!date) return reject('no date')
  const latest = now.getUTCFullYear() + 1
  const years = date['date-parts']?.map((parts) => parts[0]) ?? []
  const raw = date.raw ?? date.literal
  if (!years.length && raw) {
    const year = Number(/\b(1[4-9]\d\d|20\d\d)\b/.exec(raw)?.[1])
    if (!year) return reject(`"${raw}" holds no year`)
    years.push(year)
  }
  if (!years.length) return reject('no year')
  for (const year of years) {
    const value = Number(year)
    if (!Number.isInteger(value) || value < 1400 || value > latest) return reject(`${String(year)} is not a plausible year of publication`)
  }
  return accept(date)
}

/** A record's field that failed its check, and why: what the analyst is told to fill in. */
export interface RejectedField {
  field: string
  reason: string
}

/**
 * The record with every implausible title, name list and date left out, and what was left out. A name list
 * loses only its implausible names.
 */
export function keepPlausible(record: Labelled, fileName: string): { record: Labelled; rejected: RejectedField[] } {
  const metadata: Metadata = { ...record.metadata }
  const provenance = { ...record.provenance }
  const rejected: RejectedField[] = []
  const check = <T>(field: string, verdict: Verdict<T> | undefined) => {
    if (!verdict) return
    if (verdict.accept) metadata[field] = verdict.value
    else {
      delete metadata[field]
      delete provenance[field]
      rejected.push({ field, reason: verdict.reason })
    }
  }
  if (metadata.title !== undefined) check('title', plausibleTitle(metadata.title, fileName))
  for (const field of ['author', 'editor'] as const) if (metadata[field] !== undefined) check(field, plausibleNames(metadata[field]))
  for (const field of ['issued'] as const) if (metadata[field] !== undefined) check(field, plausibleDate(metadata[field]))
  return { record: { metadata, provenance }, rejected }
}
