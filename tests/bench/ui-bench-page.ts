import type { Page } from 'playwright-core'
import { fmt, percentile, seededRandom } from './bench-helpers'

/**
 * In-page probes for the Chromium benches. Times are the page's performance.now() (or an event's timeStamp,
 * the same clock), so nothing of Playwright's own round trips is counted.
 *
 * "Painted" means: the DOM change was seen (MutationObserver), then the next requestAnimationFrame ran
 * (style, layout and paint of that frame follow it), then a MessageChannel task posted from that callback
 * ran, which is after the frame was produced. It is the usual in-page stand-in for "next paint".
 */
declare global {
  interface Window {
    __evidentBench?: {
      afterPaint(callback: (at: number) => void): void
      result?: Promise<unknown>
      marks: Record<string, number>
    }
  }
}

/** Defines window.__evidentBench on every document the page loads from now on, and on the current one. */
export async function installProbes(page: Page): Promise<void> {
  const probes = () => {
    if (window.__evidentBench) return
    const marks: Record<string, number> = {}
    const afterPaint = (callback: (at: number) => void) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => callback(performance.now())
        channel.port2.postMessage(null)
      })
    window.__evidentBench = { afterPaint, marks }
    // First source in the Sources pane, from navigation start: how long the app takes to show the project.
    const watch = new MutationObserver(() => {
      if (marks.sourcesDom || !document.querySelector('[role="listbox"][aria-label="Sources"] [role="option"]')) return
      marks.sourcesDom = performance.now()
      watch.disconnect()
      afterPaint((at) => (marks.sourcesPainted = at))
    })
    watch.observe(document, { childList: true, subtree: true })
  }
  await page.addInitScript(probes)
  await page.evaluate(probes)
}

/** Waits until the app shows its sources and the page has had a moment with nothing to do. */
export async function settle(page: Page, quietMs = 500): Promise<void> {
  await page.waitForFunction(() => window.__evidentBench?.marks.sourcesPainted !== undefined || document.querySelector('[role="listbox"][aria-label="Sources"] [role="option"]'), undefined, { timeout: 120_000 })
  await page.evaluate(
    (ms) =>
      new Promise<void>((done) => {
        // Until a stretch of quietMs passes with no frame slower than 50 ms (the long-task line).
        // …or 15 s at most: a page that is never quiet is measured as it is.
        let last = performance.now()
        let quietSince = last
        const giveUp = last + 15_000
        const frame = (t: number) => {
          if (t - last > 50) quietSince = t
          last = t
          if (t - quietSince >= ms || t > giveUp) done()
          else requestAnimationFrame(frame)
        }
        requestAnimationFrame(frame)
      }),
    quietMs,
  )
}

/** The promise a probe left in window.__evidentBench.result, or an error saying what never happened. */
export async function probeResult<T>(page: Page, what: string, timeoutMs = 60_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs)
  })
  try {
    return (await Promise.race([page.evaluate(() => window.__evidentBench!.result), timeout])) as T
  } finally {
    clearTimeout(timer)
  }
}

/** Milliseconds between a typist's keystrokes: 100–300, the same sequence every run. */
export function seededRandomPace(seed: number): () => number {
  const random = seededRandom(seed)
  return () => 100 + Math.round(random() * 200)
}

export interface Stats {
  n: number
  p50: number
  p95: number
  min: number
  max: number
  mean: number
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
  }
}

export function describeStats(s: Stats, digits = 1): string {
  return `median ${fmt(s.p50, digits)} ms, p95 ${fmt(s.p95, digits)} ms (min ${fmt(s.min, digits)}, max ${fmt(s.max, digits)}, n=${s.n})`
}

export function ratio(value: number, baseline: number): string {
  return `${fmt(value / baseline)}×`
}
