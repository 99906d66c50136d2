import type { CslDate } from '../../../shared/dto/csl'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** The dates services write: "2021 Mar 29", "2021-03-29T17:59:59Z", "March 2008", "2008". */
export function parseDate(text: string | undefined): CslDate | undefined {
  if (!text) return undefined
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T|$)/.exec(text)
  if (iso) return { 'date-parts': [[iso[1], iso[2], iso[3]].filter(Boolean).map(Number)] }
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text)?.[1]
  if (!year) return { raw: text.slice(0, 100) }
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}`, 'i').test(text)) + 1
  const day = month ? /\b([12]?\d|3[01])\b/.exec(text.replace(year, ''))?.[1] : undefined
  return { 'date-parts': [[Number(year), ...(month ? [month] : []), ...(day ? [Number(day)] : [])]] }
}
