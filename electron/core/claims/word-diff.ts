import type { WordDiffPart } from '../../shared/dto/claims'

// A quote is at most MAX_QUOTE_CHARS (about 900 words); the table below is words × words, so two
// texts past this many cells are shown as one removed run and one added run rather than costing seconds.
const MAX_CELLS = 4_000_000

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0)
}

function pushPart(parts: WordDiffPart[], op: WordDiffPart['op'], word: string): void {
  const last = parts[parts.length - 1]
  if (last && last.op === op) last.text += ` ${word}`
  else parts.push({ op, text: word })
}

/**
 * Word by word, what the cited words lost and gained in the new words (a longest common subsequence
 * of words, so "2.1 per cent" → "2.3 per cent" reads as 2.1 removed, 2.3 added, "per cent" the same).
 * Whitespace differences alone are not changes.
 */
export function wordDiff(before: string, after: string): WordDiffPart[] {
  const a = words(before)
  const b = words(after)
  const parts: WordDiffPart[] = []
  if (a.length * b.length > MAX_CELLS) {
    if (a.length) parts.push({ op: 'removed', text: a.join(' ') })
    if (b.length) parts.push({ op: 'added', text: b.join(' ') })
    return parts
  }
  // lcs[i][j] = length of the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = b.length + 1
  const lcs = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pushPart(parts, 'same', a[i]!)
      i++
      j++
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) pushPart(parts, 'removed', a[i++]!)
    else pushPart(parts, 'added', b[j++]!)
  }
  while (i < a.length) pushPart(parts, 'removed', a[i++]!)
  while (j < b.length) pushPart(parts, 'added', b[j++]!)
  return parts
}
