import { join } from 'node:path'
import { describe, it } from 'vitest'
import { fmt, report, useBenchApp } from './bench-helpers'
import { makeQueries } from './claims-bench-data'
import {
  coreSearch,
  distinctQueries,
  FRAMES_PER_SCREEN,
  measureJump,
  measureOpen,
  measureScroll,
  measureSearch,
  OPEN_RUNS,
  openProject,
  PAGE,
  SCREENS,
} from './library-ui-probes'
import { describeStats, ratio, stats, type Stats } from './ui-bench-page'
import { generateBenchProject } from './ui-bench-project'

const SOURCES = 10_000
const CLAIMS = 100_000
const QUERIES = 30
const FRAME_MS = 1000 / 60
/** rAF timestamps jitter by ±0.1 ms around 16.67; a frame that missed its slot shows as ≈33 ms. */
const JITTER_MS = 0.5

/**
 * Claims library in Chromium (issue 4): time from clicking the Claims tab to the first rendered cards on a
 * 10,000-source / 100,000-claim project against the 5-source starter project; a search typed into the
 * library to its first results (30 varied queries, same queries on both projects and against the core's own
 * searchClaims on the same file); scrolling 20 screenfuls (frame times against idle frames, and how many
 * cards the DOM holds).
 */
describe('library UI benchmarks (Chromium, browser mode)', () => {
  const app = useBenchApp('library-ui')

  it('time to first claim cards, search to first results and scrolling, on 100,000 claims against the starter project', async () => {
    const t = performance.now()
    const project = generateBenchProject(join(app.dir, 'library.evident'), SOURCES, CLAIMS)
    report(`library UI: generated ${SOURCES.toLocaleString('en-GB')} sources and ${CLAIMS.toLocaleString('en-GB')} claims in ${fmt((performance.now() - t) / 1000, 1)} s`)
    const queries = distinctQueries(makeQueries(project.words, project.random, QUERIES * 3), QUERIES)

    const browser = await app.browser()

    report('library UI: starter project…')
    const starter = await openProject(browser, await app.serve())
    const starterOpen = await measureOpen(starter)
    const starterSearch = await measureSearch(starter, queries)
    await starter.close()
    await app.stop()

    report('library UI: generated project…')
    const big = await openProject(browser, await app.serve({ project: project.path }))
    const bigOpen = await measureOpen(big)
    const bigSearch = await measureSearch(big, queries)
    const scroll = await measureScroll(big)
    const jump = await measureJump(big)
    await big.close()
    await app.stop()

    const core = coreSearch(project.path, queries)

    const line = (what: string, big: Stats, base: Stats, baseName: string) =>
      report(`${what}: ${describeStats(big)}; ${baseName} ${describeStats(base)}; ratio ${ratio(big.p50, base.p50)} at the median, ${ratio(big.p95, base.p95)} at p95`)
    report(`--- Claims library, ${CLAIMS.toLocaleString('en-GB')} claims vs the starter project (${OPEN_RUNS} fresh page loads each) ---`)
    line('app open (navigation to first source painted)', stats(bigOpen.appOpen), stats(starterOpen.appOpen), 'starter')
    line('Claims tab click → first card in the DOM', stats(bigOpen.cardsDom), stats(starterOpen.cardsDom), 'starter')
    line('Claims tab click → first card painted', stats(bigOpen.cardsPainted), stats(starterOpen.cardsPainted), 'starter')
    line('  of which the slowest claims API round trip', stats(bigOpen.invoke), stats(starterOpen.invoke), 'starter')
    report(`  cards in the DOM after opening: ${bigOpen.cardsInDom} of ${CLAIMS.toLocaleString('en-GB')} claims (starter: ${starterOpen.cardsInDom})`)

    report(`--- Library search, ${queries.length} queries typed into the search box (includes the library's 200 ms debounce) ---`)
    line('last keystroke → results painted', stats(bigSearch.painted), stats(starterSearch.painted), 'starter')
    line('  claims.search round trip (resource timing)', stats(bigSearch.invoke), stats(starterSearch.invoke), 'starter')
    const corePage = stats(core)
    const beyondDebounce = stats(bigSearch.painted.map((ms) => ms - 200))
    report(`  core searchClaims in-process, same queries, page of ${PAGE}: ${describeStats(corePage, 2)}`)
    report(
      `  keystroke → painted minus the 200 ms debounce: ${describeStats(beyondDebounce)}; vs core searchClaims ${ratio(beyondDebounce.p50, corePage.p50)} at the median, ${ratio(beyondDebounce.p95, corePage.p95)} at p95`,
    )
    report(`  queries with no results: ${bigSearch.zeroResults} (starter ${starterSearch.zeroResults}); errors shown: ${bigSearch.errors.length ? bigSearch.errors.join(' | ') : 'none'}`)
    report(`  queries: ${queries.map((q) => JSON.stringify(q)).join(', ')}`)

    report(`--- Scrolling the virtualised list ${SCREENS} screenfuls (${scroll.screenPx} px each, ${FRAMES_PER_SCREEN} frames a screenful) ---`)
    const frames = stats(scroll.deltas)
    const idle = stats(scroll.idleDeltas)
    const over = (list: number[], limit: number) => list.filter((d) => d > limit).length
    report(
      `frames over 16.7 ms (rAF delta > ${fmt(FRAME_MS + JITTER_MS, 1)} ms, past vsync jitter): ${over(scroll.deltas, FRAME_MS + JITTER_MS)} of ${scroll.deltas.length} while scrolling (${fmt((100 * over(scroll.deltas, FRAME_MS + JITTER_MS)) / scroll.deltas.length, 1)}%); idle baseline ${over(scroll.idleDeltas, FRAME_MS + JITTER_MS)} of ${scroll.idleDeltas.length}; over 50 ms: ${over(scroll.deltas, 50)} vs ${over(scroll.idleDeltas, 50)}`,
    )
    report(`frame time scrolling ${describeStats(frames)}; idle ${describeStats(idle)}; ratio ${ratio(frames.p95, idle.p95)} at p95`)
    report(`the app's scroll listeners per scroll event (virtualiser and the render it flushes): ${describeStats(stats(scroll.handlerMs), 2)}, against the ${fmt(FRAME_MS, 1)} ms frame`)
    report(
      `cards in the DOM while scrolling: at most ${scroll.maxCards} (${scroll.maxLoading} of them "Loading…" placeholders at most, in ${scroll.loadingFrames} frames); list height ${scroll.listHeight.toLocaleString('en-GB')} px for ${CLAIMS.toLocaleString('en-GB')} claims; scrolled from card ${scroll.firstIndexBefore} to card ${scroll.firstIndexAfter}`,
    )
    report(
      `jump to the middle of the list (scrollTop = 50%): placeholders → cards painted in ${fmt(jump.filled, 1)} ms (cards ${jump.firstIndex}…, ${jump.cards} in the DOM)`,
    )
  })
})
