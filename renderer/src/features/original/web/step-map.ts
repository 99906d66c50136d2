import type { SourceDetail } from '@shared/dto/sources'
import { compact } from '../compact'
import type { FrameText } from './frame-text'

/** A clean-text paragraph and where its first words lie in the page's text (an offset of FrameText.full). */
export interface Step {
  paragraph: number
  at: number
}

/** Enough of a paragraph's start to find it on the page, but few enough to survive the page's own markup. */
const HEAD = 40
const MIN_HEAD = 8

/**
 * Each clean paragraph's place on the page, found in order (the clean text follows the page), so the two
 * views can follow each other. A paragraph the page does not hold as written (Readability's heading, words
 * joined across elements) is left out, and its neighbours stand in for it.
 */
export function stepMap(detail: Pick<SourceDetail, 'text' | 'paragraphs'>, page: FrameText): Step[] {
  const steps: Step[] = []
  let cursor = 0
  for (const p of detail.paragraphs) {
    const head = compact(detail.text.slice(p.start, Math.min(p.end, p.start + HEAD * 3))).text.slice(0, HEAD)
    if (head.length < MIN_HEAD) continue
    const found = page.compact.text.indexOf(head, cursor)
    if (found < 0) continue
    steps.push({ paragraph: p.number, at: page.compact.at[found]! })
    cursor = found + head.length
  }
  return steps
}

/** The step for a paragraph of the clean text: its own, else the nearest before it. */
export function stepFor(steps: Step[], paragraph: number): Step | null {
  let best: Step | null = null
  for (const step of steps) {
    if (step.paragraph > paragraph) break
    best = step
  }
  return best ?? steps[0] ?? null
}
