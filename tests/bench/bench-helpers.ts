import { monitorEventLoopDelay } from 'node:perf_hooks'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll } from 'vitest'
import { launchBrowser, startServer, type EvidentServer } from '../e2e/harness'

export function benchDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `evident-bench-${name}-`))
}

/**
 * The browser-mode app a UI bench drives, for one describe block: `browser` launches Chromium once, `serve`
 * starts Evident (stopping the one before), `stop` stops it (a bench that reads the project file itself
 * needs its lock back); afterAll closes both and removes the bench's folder, whatever failed.
 */
export function useBenchApp(name: string) {
  const dir = benchDir(name)
  let browser: Browser | undefined
  let server: EvidentServer | undefined
  const stop = async () => {
    await server?.stop()
    server = undefined
  }
  afterAll(async () => {
    await browser?.close()
    await stop()
    rmSync(dir, { recursive: true, force: true })
  })
  return {
    dir,
    browser: async () => (browser ??= await launchBrowser()),
    serve: async (options?: Parameters<typeof startServer>[0]) => {
      await stop()
      server = await startServer(options)
      return server
    },
    stop,
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]!
}

/** Deterministic pseudo-random numbers, so every run measures the same generated corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function report(line: string): void {
  process.stdout.write(`[bench] ${line}\n`)
}

export function fmt(n: number, digits = 2): string {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n)
}

/**
 * The event loop's delay while `work` runs: how much later than due a timer fired. Node's histogram records
 * each whole sampling interval (an idle loop sampled every 5 ms reads about 5 ms), so the interval is taken off.
 */
export async function eventLoopDelayDuring<T>(work: () => Promise<T>): Promise<{ result: T; p99Ms: number; maxMs: number }> {
  const resolutionMs = 5
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs })
  histogram.enable()
  try {
    const result = await work()
    return { result, p99Ms: Math.max(0, histogram.percentile(99) / 1e6 - resolutionMs), maxMs: Math.max(0, histogram.max / 1e6 - resolutionMs) }
  } finally {
    histogram.disable()
  }
}
