import type { ClaimAnchor, WordDiffPart } from '../../shared/dto/claims'
import { relocate, type Relocation } from './relocate'
import { wordDiff } from './word-diff'

/**
 * What became of one cited quote in a new text. `unchanged` and `moved` hold the cited words exactly
 * (start..end of the new text equals them); `changed` is a near match only, with the new words and a
 * word diff from the cited ones; `gone` found nothing close enough.
 */
export type QuoteClassification =
  | { fate: 'unchanged' | 'moved'; start: number; end: number }
  | { fate: 'changed'; start: number; end: number; words: string; diff: WordDiffPart[] }
  | { fate: 'gone' }

/** Where the new text begins to differ from the old and where they agree again (old text's offsets). */
interface Edit {
  head: number
  oldTailStart: number
  shift: number
}

/** Lengths of the common start and common end of two texts: an edit usually leaves both intact. */
function editBetween(before: string, after: string): Edit {
  const max = Math.min(before.length, after.length)
  let head = 0
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++
  let tail = 0
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++
  return { head, oldTailStart: before.length - tail, shift: after.length - before.length }
}

/** Claims wholly before or after the edited region keep their words: they move by the length change alone. */
function shifted(old: ClaimAnchor, text: string, edit: Edit): Relocation | null {
  let start: number
  if (old.end <= edit.head) start = old.start
  else if (old.start >= edit.oldTailStart) start = old.start + edit.shift
  else return null
  const end = start + old.exact.length
  return text.slice(start, end) === old.exact ? { start, end, score: 1, method: 'exact' } : null
}

/** The old position mapped through the edit, so "nearest the old position" means nearest where it would now be. */
function hinted(old: ClaimAnchor, edit: Edit | null): ClaimAnchor {
  return edit && old.start >= edit.oldTailStart ? { ...old, start: old.start + edit.shift, end: old.end + edit.shift } : old
}

function trimmed(text: string, found: Relocation): { start: number; end: number } {
  let { start, end } = found
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}

/** The same words read in the same surroundings as when they were cited: the same place, wherever the offset. */
function sameSurroundings(old: ClaimAnchor, text: string, start: number, end: number): boolean {
  return text.slice(Math.max(0, start - old.prefix.length), start) === old.prefix && text.slice(end, end + old.suffix.length) === old.suffix
}

function classifyOne(old: ClaimAnchor, newText: string, edit: Edit | null): QuoteClassification {
  const kept = edit ? shifted(old, newText, edit) : null
  if (kept) return { fate: 'unchanged', start: kept.start, end: kept.end }
  const hint = hinted(old, edit)
  const found = relocate(hint, newText)
  if (!found) return { fate: 'gone' }
  const { start, end } = trimmed(newText, found)
  const words = newText.slice(start, end)
  if (words !== old.exact) return { fate: 'changed', start, end, words, diff: wordDiff(old.exact, words) }
  const samePlace = start === hint.start || sameSurroundings(old, newText, start, end)
  return { fate: samePlace ? 'unchanged' : 'moved', start, end }
}

/**
 * The one rule every re-anchoring path follows (a new version of a source, orphans re-attached, a web
 * page fetched again): for each cited anchor, what became of its words in `newText`. Give `oldText`, the
 * text the anchors point into, when it is known: claims outside the edited region are then placed by
 * arithmetic, and positions are compared through the edit. Pure; the caller decides what to store.
 */
export function classifyQuotes(anchors: readonly ClaimAnchor[], newText: string, oldText?: string): QuoteClassification[] {
  const edit = oldText === undefined ? null : editBetween(oldText, newText)
  return anchors.map((anchor) => classifyOne(anchor, newText, edit))
}
