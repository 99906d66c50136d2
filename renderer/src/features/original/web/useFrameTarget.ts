import { useEffect, useMemo } from 'react'
import type { OriginalTarget } from '../original-props'
import type { WebMark } from './useFrameMarks'

/**
 * The marks with "Open in source"'s quote among them: the claim's own mark when it is at those words (marked
 * as the target), else a mark of its own, so the words are marked even where no claim is.
 */
export function useTargetMark(marks: WebMark[], target: OriginalTarget | null): WebMark[] {
  return useMemo(() => {
    if (!target) return marks
    const own = marks.findIndex((m) => m.start === target.start && m.end === target.end)
    if (own >= 0) return marks.map((m, i) => (i === own ? { ...m, target: true } : m))
    const paragraph = marks.find((m) => m.start <= target.start && target.start < m.end)?.paragraph ?? 0
    return [...marks, { key: `target-${target.seq}`, kind: 'target', anchor: target.anchor, label: 'The quote you opened', start: target.start, end: target.end, paragraph, target: true }]
  }, [marks, target])
}

/** Once the page is marked, it scrolls to the opened quote (a third of the way down), which stays outlined. */
export function useShowTarget(doc: Document | null, target: OriginalTarget | null, marks: WebMark[]): void {
  useEffect(() => {
    const win = doc?.defaultView
    const mark = target && doc?.querySelector<HTMLElement>('mark.ev-target')
    if (!win || !mark) return
    win.scrollTo({ top: win.scrollY + mark.getBoundingClientRect().top - win.innerHeight / 3 })
  }, [doc, target, marks])
}
