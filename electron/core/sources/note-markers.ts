import type { NoteMarker } from '../../shared/dto/sources'

const DIGITS = '\\d{1,3}(?:[,–-]\\d{1,3})*'
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹'

// "level2 and", "high.3", "month,7 Stephen", "home’12 where": digits glued to the end of a word or its
// punctuation. Not "60th", "£1.5", "24/7", "g6055" (four digits), "COVID-19".
const GLUED = new RegExp(`(?<=[\\p{Ll}.,;:’”'")\\]])(${DIGITS})(?=$|[\\s)’”\\]—–]|[.,;:](?:\\s|$))`, 'gu')
// "Build it.’ 1" at the end of a paragraph, or before the next sentence.
const AFTER_SENTENCE = new RegExp(`(?<=[.!?]["'’”)]* )(${DIGITS})(?=\\s*$|\\n|\\s+["'‘“]?\\p{Lu})`, 'gu')
// "the BJGP 4 two junior", "Wanless Report 5 predicted": a number between a name and a lower-case word.
const AFTER_NAME = /(?<=(?:^|[\s(])(\p{Lu}[\p{L}’'-]*) )(\d{1,2})(?= (\p{Ll}+))/gu
const BRACKETED = /(?<=[\p{L}.,;:’”'")])\[(\d{1,3}(?:[,–-]\s?\d{1,3})*)\]/gu
const SUPERSCRIPT = new RegExp(`(?<=\\S)[${SUPERSCRIPTS}]+`, 'gu')

/** Words that name a numbered thing ("Figure 4 shows") or start a phrase ("In 20 years"): not markers. */
const NUMBERED_THINGS = new Set(
  `figure fig table chapter section part page pages box appendix annex article clause schedule volume vol
  no number issue phase stage step level grade tier year week day type class band key ward room floor
  option question rule act wave round trial group cohort site area zone region line route version model
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  in on at by for to of from with the a an and but or about around over under nearly almost some all only
  just top first last every each those these after before since until within about roughly approximately`
    .split(/\s+/)
    .filter(Boolean),
)
/** A number followed by these counts something ("Report 5 and"): leave it. */
const QUANTITY_WORDS = new Set(
  `years year months month weeks week days day hours hour minutes per percent times people patients
  practices practice million billion thousand hundred and or to of out more less x stars star points
  members gps doctors nurses beds new other`
    .split(/\s+/)
    .filter(Boolean),
)
const NOT_BEFORE_GLUED = /(?:covid|sars|mp|h\d?n)$/i

/**
 * Note markers (reference numbers) in the paragraph-joined text, in order of appearance. `fromLayout` are the
 * markers a PDF's layout showed (raised, smaller digits): given, they replace the guesses from digits next
 * to words, which a PDF's geometry answers better ("tal197" in body size is not "tal¹⁹⁷").
 */
export function findNoteMarkers(text: string, fromLayout?: NoteMarker[]): NoteMarker[] {
  const found = new Map<number, NoteMarker>()
  const add = (start: number, end: number, label: string) => {
    if (!found.has(start)) found.set(start, { start, end, label })
  }
  for (const marker of fromLayout ?? []) add(marker.start, marker.end, marker.label)
  if (!fromLayout) guessFromDigits(text, add)
  for (const m of text.matchAll(BRACKETED)) add(m.index, m.index + m[0].length, (m[1] ?? '').replace(/\s/g, ''))
  for (const m of text.matchAll(SUPERSCRIPT)) {
    add(m.index, m.index + m[0].length, [...m[0]].map((c) => String(SUPERSCRIPTS.indexOf(c))).join(''))
  }
  return [...found.values()].sort((a, b) => a.start - b.start)
}

/** Digits after a word, a sentence or a name that read as markers in text that says nothing of its layout. */
function guessFromDigits(text: string, add: (start: number, end: number, label: string) => void): void {
  for (const m of text.matchAll(GLUED)) {
    const start = m.index
    const before = text.slice(Math.max(0, start - 12), start)
    // "£1.5", "2014;349:g6055": the digits continue a number or a citation, they do not follow a word.
    if (/\d[.,;:]$/.test(before) || NOT_BEFORE_GLUED.test(before)) continue
    // "GP4" or "A4" are names with a number in them, not a word with a marker after it.
    if (/(?:^|[^\p{L}])\p{Lu}+$/u.test(before)) continue
    add(start, start + m[0].length, m[0])
  }
  for (const m of text.matchAll(AFTER_SENTENCE)) add(m.index, m.index + m[0].length, m[0])
  for (const m of text.matchAll(AFTER_NAME)) {
    const name = (m[1] ?? '').toLowerCase()
    const next = (m[3] ?? '').toLowerCase()
    if (NUMBERED_THINGS.has(name) || QUANTITY_WORDS.has(next)) continue
    add(m.index, m.index + (m[2] ?? '').length, m[2] ?? '')
  }
}
