/** One reason a sentence reads like something an analyst would cite, and what it adds to the score. */
export interface Signal {
  weight: number
  reason: string
}

const MODAL = /\b(should|must|ought to|needs? to|have to|has to|could|cannot|can't|will need)\b/i
const EVALUATIVE =
  /\b(indisputabl[ey]|undoubtedly|clearly|clear evidence|evidence|crisis|risks?|crucial|essential|vital|critical|urgent|unsustainable|failing|failed|defunct|best|worst|significant(?:ly)?|important|obvious|threat|danger(?:ous)?|concern(?:ing)?|success(?:ful)?|effective|ineffective|fundamental)\b/gi
// Words that claim certainty make the strongest quotes (and the ones most worth checking).
const CERTAINTY = new Set(['indisputable', 'indisputably', 'undoubtedly', 'clearly', 'clear evidence'])
const MONEY = /[£$€]\s?\d|\b\d+(?:\.\d+)?\s?(?:million|billion|bn|m)\b|\b(?:million|billion)s?\b|\bfunding\b|\bunderfund(?:ed|ing)\b/i
const PERCENT = /\d\s?%|\bper ?cent\b|\bpercentage\b/i
const CAUSAL = /\b(because|therefore|thus|hence|consequently|as a result|leads? to|led to|results? in|due to|so that|means that|driven by)\b/i
// Capitalised names of reports, reviews and plans: "the Barker Commission", "Five Year Forward View".
const NAMED_REPORT =
  /\b(?:(?:the|its)\s+)?((?:[A-Z][\w’'-]*\s+){0,4}(?:Report|Commission|Review|Forward View|Long Term Plan|White Paper|Inquiry|Strategy|Framework))\b/
const YEAR = /^(?:19|20)\d\d$/

/** Digits with note markers already blanked out, so "level2" does not count as citing a figure. */
function figures(text: string): string[] {
  // Ordinals and decades ("21st century", "the 1950s") are not figures either.
  return (text.match(/\d+(?:[.,]\d+)*(?!\d|st\b|nd\b|rd\b|th\b|s\b)/g) ?? []).filter((n) => !YEAR.test(n))
}

function quoted(word: string): string {
  return `‘${word.toLowerCase()}’`
}

/** The signals in one sentence; `masked` is the sentence with its note markers replaced by spaces. */
export function signalsOf(masked: string, noteLabels: string[]): Signal[] {
  const signals: Signal[] = []
  const modal = masked.match(MODAL)
  if (modal) signals.push({ weight: 2, reason: `modal language: ${quoted(modal[1]!)}` })
  const evaluative = [...new Set((masked.match(EVALUATIVE) ?? []).map((w) => w.toLowerCase()))]
  if (evaluative.length) {
    const certain = evaluative.some((w) => CERTAINTY.has(w)) ? 1 : 0
    signals.push({ weight: 1.5 + 0.5 * Math.min(2, evaluative.length - 1) + certain, reason: `evaluative language: ${evaluative.slice(0, 3).map(quoted).join(', ')}` })
  }
  if (PERCENT.test(masked)) signals.push({ weight: 2.5, reason: 'gives a percentage' })
  if (MONEY.test(masked)) signals.push({ weight: 2, reason: 'mentions money' })
  const numbers = figures(masked)
  if (numbers.length && !PERCENT.test(masked)) signals.push({ weight: 2, reason: 'cites a figure' })
  const causal = masked.match(CAUSAL)
  if (causal) signals.push({ weight: 1.5, reason: `causal claim: ${quoted(causal[1]!)}` })
  const report = masked.match(NAMED_REPORT)
  if (report) signals.push({ weight: 1.5, reason: `names a report: ‘${report[1]!.trim()}’` })
  if (noteLabels.length) {
    signals.push({ weight: 1.5, reason: `backed by a reference (note ${noteLabels.join(', ')})` })
  }
  return signals
}

/** Sentences that are too short to stand alone, or questions and run-ons, make weaker claims. */
export function shapePenalty(text: string): number {
  const words = text.split(/\s+/).filter(Boolean).length
  let penalty = 0
  if (words > 60) penalty += 1.5
  if (/\?["'’”]?$/.test(text)) penalty += 1.5
  return penalty
}

export const MIN_SENTENCE_WORDS = 6
export const MIN_SUGGESTION_SCORE = 2
