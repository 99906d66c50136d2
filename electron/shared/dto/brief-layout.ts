import type { BriefTemplate } from './briefs'

/** How long the analyst means the brief to be: "4 pages" or "2000 words". */
export interface TargetLength {
  unit: 'pages' | 'words'
  value: number
}

/** A brief's house layout, set in Brief settings and stored with the brief; the editor and the export follow it. */
export interface BriefLayout {
  /** Sections numbered 1., 2. and their paragraphs 1.1, 1.2 (Word list numbering in the .docx). */
  numberedParagraphs: boolean
  /** The Key messages section as a shaded, bordered box. */
  keyMessagesBox: boolean
  target: TargetLength | null
}

export const DEFAULT_LAYOUT: BriefLayout = { numberedParagraphs: false, keyMessagesBox: false, target: null }

/** What a new brief of each template starts with; a brief saved before layouts existed has the defaults. */
export const TEMPLATE_LAYOUTS: Record<BriefTemplate, BriefLayout> = {
  'policy-brief': { numberedParagraphs: false, keyMessagesBox: true, target: { unit: 'pages', value: 4 } },
  'briefing-note': { numberedParagraphs: false, keyMessagesBox: false, target: { unit: 'pages', value: 2 } },
  'ministerial-submission': { numberedParagraphs: true, keyMessagesBox: false, target: { unit: 'pages', value: 3 } },
  blank: DEFAULT_LAYOUT,
}

/**
 * Words on a printed A4 page of a brief in Word's defaults (11 pt, single spacing, headings and notes
 * included): about 500. An estimate for the outline and the target, not a layout.
 */
export const WORDS_PER_PAGE = 500

export const TARGET_LIMITS = { pages: { min: 1, max: 200 }, words: { min: 50, max: 100_000 } } as const

/** Reads "4 pages", "4", "2,000 words", "2000w"; a bare number is pages. Blank is no target. */
export function parseTargetLength(text: string): { ok: true; target: TargetLength | null } | { ok: false; message: string } {
  const t = text.trim().toLowerCase().replace(/(\d),(\d{3})/g, '$1$2')
  if (!t) return { ok: true, target: null }
  const m = /^(\d+(?:\.\d+)?)\s*(pages?|pp?|words?|w)?\.?$/.exec(t)
  if (!m) return { ok: false, message: 'Give the target length as a number of pages or words, such as “4 pages” or “2000 words”.' }
  const unit = m[2]?.startsWith('w') ? 'words' : 'pages'
  const value = Number(m[1])
  const { min, max } = TARGET_LIMITS[unit]
  if (!Number.isInteger(value) || value < min || value > max) {
    return { ok: false, message: `A target of ${unit} must be a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}.` }
  }
  return { ok: true, target: { unit, value } }
}

export function describeTarget(target: TargetLength): string {
  return `${target.value.toLocaleString('en-GB')} ${target.unit === 'pages' ? (target.value === 1 ? 'page' : 'pages') : target.value === 1 ? 'word' : 'words'}`
}

export type TargetState = 'under' | 'within' | 'over'

/**
 * Where the brief stands against its target. Over is any word past it (a page limit is a limit); under is
 * more than a tenth short of it, the point at which a reader would notice the brief is thin for its slot.
 */
export function measureAgainstTarget(words: number, target: TargetLength): { state: TargetState; text: string } {
  const limit = target.unit === 'pages' ? target.value * WORDS_PER_PAGE : target.value
  const goal = describeTarget(target)
  const gap = Math.abs(words - limit)
  const by = target.unit === 'pages' ? `about ${Math.max(0.1, Math.round((gap / WORDS_PER_PAGE) * 10) / 10).toLocaleString('en-GB')} ${gap <= WORDS_PER_PAGE ? 'page' : 'pages'}` : `${gap.toLocaleString('en-GB')} words`
  if (words > limit) return { state: 'over', text: `Over the target of ${goal} by ${by}` }
  if (words < limit * 0.9) return { state: 'under', text: `Under the target of ${goal} by ${by}` }
  return { state: 'within', text: `Within the target of ${goal}` }
}
