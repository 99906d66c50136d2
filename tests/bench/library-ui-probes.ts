import type { Browser, Page } from 'playwright-core'
import { searchClaims } from '../../electron/core/claims/search'
import { ProjectSession } from '../../electron/core/project/session'
import { openApp, type EvidentServer } from '../e2e/harness'
import { report } from './bench-helpers'
// No import of node:perf_hooks in this file: vitest would rewrite performance.now() inside the functions run in the page.
import { installProbes, probeResult, settle } from './ui-bench-page'

/** Fresh page loads per project for time to first cards (each a fresh app, the library not yet mounted). */
export const OPEN_RUNS = 5
export const SCREENS = 20
export const FRAMES_PER_SCREEN = 8
/** What the library asks claims.search for (useClaimPages' PAGE_SIZE). */
export const PAGE = 100
export const LIBRARY = '[role="listbox"][aria-label="Claims"]'

export interface OpenFigures {
  /** Navigation start to the first source painted in the Sources pane. */
  appOpen: number[]
  /** Click on the Claims tab to the first claim card in the DOM, visible. */
  cardsDom: number[]
  /** …and to the frame after it (painted). */
  cardsPainted: number[]
  /** The slowest /api/invoke round trip between the click and the cards. */
  invoke: number[]
  cardsInDom: number
}

export interface SearchFigures {
  painted: number[]
  invoke: number[]
  zeroResults: number
  errors: string[]
}

export function distinctQueries(candidates: string[], count: number): string[] {
  const seen = new Set<string>()
  return candidates.filter((q) => q.trim() && !seen.has(q.trim()) && seen.add(q.trim())).slice(0, count)
}

export async function openProject(browser: Browser, server: EvidentServer): Promise<Page> {
  const { page, errors } = await openApp(browser, server.url)
  page.setDefaultTimeout(120_000)
  page.on('close', () => errors.length && report(`page errors: ${errors.slice(0, 5).join(' | ')}`))
  await installProbes(page)
  return page
}

/** OPEN_RUNS fresh loads of the app: navigation → first source, then click Claims → first card. */
export async function measureOpen(page: Page, runs = OPEN_RUNS): Promise<OpenFigures> {
  const figures: OpenFigures = { appOpen: [], cardsDom: [], cardsPainted: [], invoke: [], cardsInDom: 0 }
  for (let run = 0; run < runs; run++) {
    await page.reload()
    await settle(page)
    figures.appOpen.push(await page.evaluate(() => window.__evidentBench!.marks.sourcesPainted!))
    await page.evaluate((selector) => {
      const bench = window.__evidentBench!
      bench.result = new Promise((resolve) => {
        const m: Record<string, number> = {}
        document.addEventListener('click', (e) => (m.click ??= e.timeStamp), { capture: true, once: true })
        const seen = () => {
          const card = document.querySelector<HTMLElement>(`${selector} [role="option"]`)
          if (m.dom !== undefined || m.click === undefined || !card?.checkVisibility()) return
          m.dom = performance.now()
          watch.disconnect()
          bench.afterPaint((at) => {
            m.painted = at
            m.cards = document.querySelectorAll(`${selector} [role="option"]`).length
            const invokes = performance
              .getEntriesByType('resource')
              .filter((e) => e.name.endsWith('/api/invoke') && e.startTime >= m.click!)
              .map((e) => (e as PerformanceResourceTiming).responseEnd - e.startTime)
            m.invoke = Math.max(0, ...invokes)
            resolve(m)
          })
        }
        const watch = new MutationObserver(seen)
        watch.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] })
      })
    }, LIBRARY)
    await page.getByRole('tab', { name: 'Claims' }).click()
    const m = await probeResult<Record<string, number>>(page, 'the first claim card after clicking the Claims tab')
    figures.cardsDom.push(m.dom! - m.click!)
    figures.cardsPainted.push(m.painted! - m.click!)
    figures.invoke.push(m.invoke!)
    figures.cardsInDom = m.cards!
  }
  await settle(page)
  return figures
}

/** Each query typed over the last (select all, type): from the last keystroke's input event to results painted. */
export async function measureSearch(page: Page, queries: string[]): Promise<SearchFigures> {
  const figures: SearchFigures = { painted: [], invoke: [], zeroResults: 0, errors: [] }
  const box = page.getByRole('searchbox', { name: 'Search claims' })
  await page.evaluate(() => performance.setResourceTimingBufferSize(100_000))
  for (const query of queries) {
    await page.evaluate((want) => {
      const bench = window.__evidentBench!
      performance.clearResourceTimings()
      bench.result = new Promise((resolve) => {
        const library = document.querySelector('.claims-library')!
        const input = library.querySelector<HTMLInputElement>('input[type="search"]')!
        const m: { input?: number; dom?: number; painted?: number; summary?: string; error?: string; invoke?: number } = {}
        const typing = new AbortController()
        input.addEventListener('input', (e) => (m.input = e.timeStamp), { signal: typing.signal })
        const seen = () => {
          const summary = library.querySelector('.claims-summary')?.textContent ?? ''
          const error = library.querySelector('[role="alert"]')?.textContent ?? ''
          if (m.dom !== undefined || m.input === undefined || input.value !== want || (!summary.includes(`“${want.trim()}”`) && !error)) return
          m.dom = performance.now()
          m.summary = summary
          m.error = error
          watch.disconnect()
          typing.abort()
          bench.afterPaint((at) => {
            m.painted = at
            resolve(m)
          })
        }
        const watch = new MutationObserver(seen)
        watch.observe(library, { childList: true, subtree: true, characterData: true })
      })
    }, query)
    await box.selectText()
    await page.keyboard.type(query)
    const m = await probeResult<{ input: number; painted: number; summary: string; error: string }>(page, `the results of ${JSON.stringify(query)}`)
    figures.painted.push(m.painted - m.input)
    // Chromium files a resource timing entry a little after the response is read, so look for it afterwards.
    figures.invoke.push(await invokeTime(page, m.input))
    if (m.error) figures.errors.push(`${query}: ${m.error}`)
    else if (/^0 claims/.test(m.summary)) figures.zeroResults++
  }
  // Back to the whole library, newest first, for the scroll.
  await box.fill('')
  await page.waitForFunction(() => /^[\d,]+ claims?$/.test(document.querySelector('.claims-summary')?.textContent ?? ''))
  await settle(page)
  return figures
}

/** The first claims API round trip (fetch start to response end) that started after `since`. */
async function invokeTime(page: Page, since: number): Promise<number> {
  return page.evaluate(
    (from) =>
      new Promise<number>((resolve) => {
        const started = performance.now()
        const look = () => {
          const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/invoke') && e.startTime >= from)
          if (entry) resolve((entry as PerformanceResourceTiming).responseEnd - entry.startTime)
          else if (performance.now() - started > 2_000) resolve(NaN)
          else setTimeout(look, 20)
        }
        look()
      }),
    since,
  )
}

export interface ScrollFigures {
  deltas: number[]
  idleDeltas: number[]
  maxCards: number
  maxLoading: number
  loadingFrames: number
  /** Time in the app's own scroll listeners per scroll event (virtualiser + the React render it flushes). */
  handlerMs: number[]
  screenPx: number
  listHeight: number
  firstIndexBefore: number
  firstIndexAfter: number
}

/** scrollTop moved a fixed step every animation frame, SCREENS screenfuls; then as many idle frames. */
export async function measureScroll(page: Page): Promise<ScrollFigures> {
  await page.locator(`${LIBRARY} [role="option"]`).first().waitFor()
  return page.evaluate(
    ({ selector, screens, perScreen }) =>
      new Promise<ScrollFigures>((resolve) => {
        const list = document.querySelector<HTMLElement>(selector)!
        const firstIndex = () => Number(list.querySelector('[role="option"]')?.getAttribute('data-index') ?? -1)
        // A capture listener on window runs before the list's own; one added to the list now runs after them.
        let handlerStart = 0
        const handlerMs: number[] = []
        const before = () => (handlerStart = performance.now())
        const after = () => {
          if (handlerStart) handlerMs.push(performance.now() - handlerStart)
          handlerStart = 0
        }
        window.addEventListener('scroll', before, { capture: true })
        list.addEventListener('scroll', after)
        const screenPx = list.clientHeight
        const step = screenPx / perScreen
        const target = screens * screenPx
        const figures: ScrollFigures = {
          deltas: [],
          idleDeltas: [],
          maxCards: 0,
          maxLoading: 0,
          loadingFrames: 0,
          handlerMs,
          screenPx,
          listHeight: list.scrollHeight,
          firstIndexBefore: firstIndex(),
          firstIndexAfter: -1,
        }
        let last: number | undefined
        let idleFrames = 0
        let stuck = 0
        let lastTop = -1
        const idle = (t: number) => {
          if (last !== undefined) figures.idleDeltas.push(t - last)
          last = t
          if (++idleFrames <= figures.deltas.length) return requestAnimationFrame(idle)
          window.removeEventListener('scroll', before, { capture: true })
          list.removeEventListener('scroll', after)
          resolve(figures)
        }
        const scroll = (t: number) => {
          if (last !== undefined) figures.deltas.push(t - last)
          last = t
          const cards = list.querySelectorAll('.claim-card').length
          const loading = list.querySelectorAll('.claim-card.is-loading').length
          figures.maxCards = Math.max(figures.maxCards, cards)
          figures.maxLoading = Math.max(figures.maxLoading, loading)
          if (loading) figures.loadingFrames++
          stuck = list.scrollTop === lastTop ? stuck + 1 : 0
          lastTop = list.scrollTop
          if (list.scrollTop >= target - 1 || stuck > 30) {
            figures.firstIndexAfter = firstIndex()
            // Let the last scroll settle, then the same number of frames doing nothing.
            return setTimeout(() => {
              last = undefined
              requestAnimationFrame(idle)
            }, 500)
          }
          list.scrollTop = Math.min(target, list.scrollTop + step)
          requestAnimationFrame(scroll)
        }
        list.scrollTop = 0
        requestAnimationFrame(() => requestAnimationFrame(scroll))
      }),
    { selector: LIBRARY, screens: SCREENS, perScreen: FRAMES_PER_SCREEN },
  )
}

/** Drags the scrollbar to the middle in one go: pages there are fetched; time until no placeholder is left, painted. */
export async function measureJump(page: Page): Promise<{ filled: number; firstIndex: number; cards: number }> {
  return page.evaluate(
    (selector) =>
      new Promise<{ filled: number; firstIndex: number; cards: number }>((resolve) => {
        const list = document.querySelector<HTMLElement>(selector)!
        const start = performance.now()
        const check = () => {
          const cards = list.querySelectorAll('.claim-card')
          const waiting = !cards.length || list.querySelector('.claim-card.is-loading')
          if (waiting && performance.now() - start < 30_000) return requestAnimationFrame(check)
          window.__evidentBench!.afterPaint((at) =>
            resolve({ filled: at - start, firstIndex: Number(list.querySelector('[role="option"]')?.getAttribute('data-index')), cards: cards.length }),
          )
        }
        list.scrollTop = list.scrollHeight / 2
        requestAnimationFrame(check)
      }),
    LIBRARY,
  )
}

/** The same queries through the core in this process, the first page the library asks for. */
export function coreSearch(path: string, queries: string[]): number[] {
  const session = ProjectSession.open(path)
  try {
    for (const text of queries) searchClaims(session.db, { text, offset: 0, limit: PAGE })
    return queries.map((text) => {
      const t = performance.now()
      searchClaims(session.db, { text, offset: 0, limit: PAGE })
      return performance.now() - t
    })
  } finally {
    session.close()
  }
}
