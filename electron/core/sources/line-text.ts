/** One line's clean text, and the lines of one paragraph joined into its text. */
/**
 * Anything but printable ASCII with single spaces inside: most lines of most documents have none, and are
 * already clean. Looked for, not matched as a whole: a pattern repeated over a 50 MB line overflows the
 * regex engine's backtracking stack.
 */
const NOT_CLEAN = /[^\x21-\x7e ]| {2}|^ | $/

export function cleanLine(text: string): string {
  if (text && !NOT_CLEAN.test(text)) return text
  return text
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim()
}

/**
 * Fragments that form real compounds, so a hyphen at a line end stays ("well-funded", "cost-effective").
 * Only those a typesetter would not split a plain word at: "co-hort", "part-ner", "so-cial" are words.
 */
const COMPOUND_LEFT = new Set('well long self non all half semi intra one two three four five first face decision user'.split(' '))
const COMPOUND_RIGHT = new Set(
  'based led term funded related specific centred centered effective wide making level quality scale driven free wasting style like friendly known run being care hours date time year years month week day aged rate intensive focused oriented orientated sensitive dependent paying sharing provider owned benefit sectional party cutting border'.split(' '),
)

/** Joins the visual lines of one paragraph, undoing end-of-line hyphenation where it was only typesetting. */
export function joinLines(lines: string[]): string {
  return joinCleanLines(lines.map(cleanLine))
}

/**
 * Linear in the total length: only the last word so far (after its last space) is ever looked at again,
 * since that is all a line end can have split. Testing a pattern against the whole growing text made a
 * file of 100,000 lines take over a minute.
 */
export function joinCleanLines(lines: string[]): string {
  const parts: string[] = []
  // The text after the last space so far; everything before it is settled in `parts`.
  let tail = ''
  let started = false
  const append = (text: string, separator: string) => {
    const space = text.lastIndexOf(' ')
    if (space < 0) {
      if (separator) {
        parts.push(tail, separator)
        tail = text
      } else tail += text
      return
    }
    parts.push(tail, separator, text.slice(0, space + 1))
    tail = text.slice(space + 1)
  }
  for (const line of lines) {
    if (!line) continue
    if (!started) {
      append(line, '')
      started = true
      continue
    }
    // Three code units hold the letter before a final hyphen even when it is astral.
    const end = tail.slice(-3)
    if (/\p{L}-$/u.test(end) && /^\p{Ll}/u.test(line)) {
      if (!keepsHyphen(tail.slice(-64, -1), line)) tail = tail.slice(0, -1)
      append(line, '')
    } else if (/\p{L}-$/u.test(end) && /^[\p{Lu}\d]/u.test(line)) append(line, '')
    else if (/\p{L}[—/]$/u.test(end)) append(line, '')
    else append(line, CJK_END.test(end) && CJK_START.test(line) ? '' : ' ')
  }
  return parts.join('') + tail
}

// Chinese and Japanese put no space between words, so none goes where a line of them wrapped (Korean does space words).
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff01-\\uff60'
const CJK_END = new RegExp(`[${CJK}]$`, 'u')
const CJK_START = new RegExp(`^[${CJK}]`, 'u')

/** `token` is the word before a line-end hyphen (without it), `right` the line after. */
function keepsHyphen(token: string, right: string): boolean {
  const leftWord = (token.match(/\p{L}+$/u)?.[0] ?? '').toLowerCase()
  const rightWord = (right.match(/^\p{L}+/u)?.[0] ?? '').toLowerCase()
  // "out-of-\nhours" and "face-\nto-face" are compounds already; "cost-\neffective" is a known one; and
  // hyphenation never leaves fewer than three letters on the new line, so "follow-\nup" is a compound too.
  return (
    token.includes('-') ||
    /^\p{L}+-/u.test(right) ||
    rightWord.length < 3 ||
    COMPOUND_LEFT.has(leftWord) ||
    COMPOUND_RIGHT.has(rightWord)
  )
}
