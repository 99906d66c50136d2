import type { Page, Request } from 'playwright-core'
// No import of node:perf_hooks in this file: vitest would rewrite performance.now() inside the functions run in the page.
import { probeResult, seededRandomPace, settle } from './ui-bench-page'

export const EDITOR = '.brief-editable'

export interface BriefRef {
  id: string
  title: string
}

export interface OpenBriefFigures {
  /** The select's change event to the first paragraph of the brief's text in the DOM, visible, and painted. */
  textPainted: number
  /** …to every citation label mounted (Lexical decorators are React portals, committed after the text). */
  labelsPainted: number
  /** …to the last label showing a number. */
  numberedPainted: number
}

/** Reloads the app (the scratch brief opens), then opens `target` from the brief menu and times it. */
export async function measureOpenBrief(page: Page, scratch: BriefRef, target: BriefRef, firstWords: string, citations: number): Promise<OpenBriefFigures> {
  await page.reload()
  await settle(page)
  await showBrief(page, scratch)
  await settle(page)
  await page.evaluate(
    ({ title, firstWords, citations }) => {
      const bench = window.__evidentBench!
      bench.result = new Promise((resolve) => {
        const m: Record<string, number> = {}
        const workspace = document.querySelector('.brief-workspace')!
        const onChange = (e: Event) => {
          if ((e.target as Element).classList?.contains('brief-select')) m.start ??= e.timeStamp
        }
        document.addEventListener('change', onChange, { capture: true })
        const done = () => {
          watch.disconnect()
          document.removeEventListener('change', onChange, { capture: true })
          resolve(m)
        }
        const check = () => {
          if (m.start === undefined) return
          const editor = [...workspace.querySelectorAll('.brief-editable')].find((e) => e.getAttribute('aria-label') === `Brief: ${title}`)
          if (!editor) return
          const now = performance.now()
          if (m.text === undefined) {
            const first = editor.querySelector('p')
            if (!first?.textContent?.startsWith(firstWords) || !first.checkVisibility()) return
            m.text = now
            bench.afterPaint((at) => {
              m.textPainted = at
              if (!citations) done()
            })
          }
          if (!citations) return
          if (m.labels === undefined) {
            if (editor.querySelectorAll('.citation').length < citations) return
            m.labels = now
            bench.afterPaint((at) => (m.labelsPainted = at))
          }
          if (m.numbered === undefined) {
            const labels = editor.querySelectorAll('.citation sup')
            const last = labels[labels.length - 1]?.textContent ?? ''
            if (!/^\d+$/.test(last)) return
            m.numbered = now
            bench.afterPaint((at) => {
              m.numberedPainted = at
              done()
            })
          }
        }
        const watch = new MutationObserver(check)
        watch.observe(workspace, { childList: true, subtree: true, characterData: true })
      })
    },
    { title: target.title, firstWords, citations },
  )
  await page.locator('.brief-workspace select.brief-select').selectOption(target.id)
  const m = await probeResult<Record<string, number>>(page, `“${target.title}” to open`, 120_000)
  const since = (at: number | undefined) => (at === undefined ? NaN : at - m.start!)
  return { textPainted: since(m.textPainted), labelsPainted: since(m.labelsPainted), numberedPainted: since(m.numberedPainted) }
}

/** Opens a brief from the menu and waits for its text (and, with citations, their numbers) to settle. */
export async function showBrief(page: Page, brief: BriefRef): Promise<void> {
  const select = page.locator('.brief-workspace select.brief-select')
  if ((await select.inputValue()) !== brief.id) await select.selectOption(brief.id)
  await page.locator(`${EDITOR}[aria-label="Brief: ${brief.title}"] p`).first().waitFor()
  // No label still waiting for its number.
  await page.waitForFunction((selector) => ![...document.querySelectorAll(`${selector} .citation sup`)].some((s) => s.textContent === '…'), EDITOR, { timeout: 120_000 })
}

/**
 * Puts the caret a few characters into the first text of the paragraph nearest the middle of the brief, outside
 * any table; or, with `inTable`, of the cell nearest the middle of the brief's first table.
 */
export async function caretInMiddle(page: Page, inTable = false): Promise<string> {
  const where = await page.evaluate(
    ([selector, inTable]) => {
      const editor = document.querySelector<HTMLElement>(selector as string)!
      const scope = inTable ? editor.querySelector('table')! : editor
      const paragraphs = [...scope.querySelectorAll('p')].filter((p) => p.querySelector('[data-lexical-text]') && (inTable || !p.closest('table')))
      const paragraph = paragraphs[Math.floor(paragraphs.length / 2)]!
      paragraph.scrollIntoView({ block: 'center' })
      editor.focus()
      const text = paragraph.querySelector('[data-lexical-text]')!.firstChild as Text
      const offset = Math.min(12, text.data.length)
      document.getSelection()!.collapse(text, offset)
      return `${inTable ? 'cell' : 'paragraph'} ${paragraphs.indexOf(paragraph) + 1} of ${paragraphs.length}`
    },
    [EDITOR, inTable] as const,
  )
  // Lexical takes the caret from selectionchange, which arrives after the call.
  await page.waitForTimeout(300)
  return where
}

export interface TypingFigures {
  /** keydown's timeStamp to the paint after it, per keystroke. */
  latencies: number[]
  /** Whether the typed text is in the document afterwards. */
  typed: boolean
}

const TEXT = 'the analysts wrote more of the brief here and then some more words to see it paint '

/**
 * Types `keys` characters at a typist's pace (100–300 ms apart, with a pause every 40 keys long enough for the
 * debounced autosave, numbering and outline to run between keystrokes as they do for a real analyst).
 */
export async function measureTyping(page: Page, keys: number, seed: number): Promise<TypingFigures> {
  await page.evaluate(() => {
    const bench = window.__evidentBench!
    const latencies: number[] = []
    const typing = new AbortController()
    document.addEventListener(
      'keydown',
      (e) => {
        const at = e.timeStamp
        bench.afterPaint((painted) => latencies.push(painted - at))
      },
      { capture: true, signal: typing.signal },
    )
    bench.result = new Promise((resolve) => {
      ;(window as unknown as { __stopTyping: () => void }).__stopTyping = () => {
        typing.abort()
        // The last keystroke's paint.
        setTimeout(() => resolve({ latencies }), 500)
      }
    })
  })
  const pace = seededRandomPace(seed)
  let typed = ''
  for (let i = 0; i < keys; i++) {
    const key = TEXT[i % TEXT.length]!
    typed += key
    await page.keyboard.press(key === ' ' ? 'Space' : key)
    await page.waitForTimeout(i % 40 === 39 ? 900 : pace())
  }
  await page.evaluate(() => (window as unknown as { __stopTyping: () => void }).__stopTyping())
  const m = await probeResult<{ latencies: number[] }>(page, 'the typing probe')
  const tail = typed.slice(-24)
  const present = await page.evaluate(([selector, tail]) => document.querySelector(selector!)!.textContent!.includes(tail!), [EDITOR, tail] as const)
  return { latencies: m.latencies, typed: present }
}

export interface RenumberFigures {
  /** Enter in the picker to the last citation label in the brief showing its new number, painted. */
  lastLabelPainted: number
  /** Enter to the style's answer (citations.format) arriving. */
  styleAnswer: number
  /** The citations.format round trip itself. */
  styleRoundTrip: number
  before: string
  after: string
}

/**
 * Caret at the start of the first paragraph, Ctrl+Shift+K, search the claim, Enter: a citation of a source
 * not yet cited goes first, so every number after it moves up by one.
 */
export async function measureRenumber(page: Page, search: string, statement: string): Promise<RenumberFigures> {
  await page.evaluate((selector) => {
    const editor = document.querySelector<HTMLElement>(selector)!
    const first = editor.querySelector('p [data-lexical-text]')!.firstChild as Text
    editor.scrollTop = 0
    editor.closest('.brief-scroll')?.scrollTo({ top: 0 })
    editor.focus()
    document.getSelection()!.collapse(first, 0)
  }, EDITOR)
  await page.waitForTimeout(300)
  await page.keyboard.press('Control+Shift+K')
  const picker = page.getByRole('dialog', { name: 'Insert a claim' })
  await picker.getByRole('combobox', { name: 'Find a claim to cite' }).fill(search)
  const lead = statement.slice(0, 30)
  await page.waitForFunction((lead) => document.querySelector('[role="dialog"] [role="option"][aria-selected="true"]')?.textContent?.includes(lead), lead, { timeout: 30_000 })
  await page.evaluate((selector) => {
    const bench = window.__evidentBench!
    const editor = document.querySelector<HTMLElement>(selector)!
    const labels = () => editor.querySelectorAll('.citation sup')
    const before = labels()[labels().length - 1]?.textContent ?? ''
    // A brief with no citations: the new one must read 1. Otherwise the last one moves up by one.
    const want = before ? String(Number(before) + 1) : '1'
    bench.result = new Promise((resolve) => {
      const m: Record<string, number | string> = { before }
      document.addEventListener('keydown', (e) => e.key === 'Enter' && (m.start ??= e.timeStamp), { capture: true, once: true })
      const check = () => {
        if (m.start === undefined || m.seen !== undefined) return
        const all = labels()
        const last = all[all.length - 1]?.textContent ?? ''
        if (last !== want) return
        m.seen = performance.now()
        m.after = last
        watch.disconnect()
        bench.afterPaint((at) => {
          m.painted = at
          m.timeOrigin = performance.timeOrigin
          resolve(m)
        })
      }
      const watch = new MutationObserver(check)
      watch.observe(editor, { childList: true, subtree: true, characterData: true })
    })
  }, EDITOR)
  // The style's answer: the citations.format request, timed by the browser (epoch ms, like timeOrigin + now).
  const formats: { start: number; end: number }[] = []
  const onFinished = (request: Request) => {
    if (!request.postData()?.includes('"method":"citations.format"')) return
    const timing = request.timing()
    formats.push({ start: timing.startTime, end: timing.startTime + timing.responseEnd })
  }
  page.on('requestfinished', onFinished)
  try {
    await page.keyboard.press('Enter')
    const m = await probeResult<Record<string, number | string>>(page, 'the last citation to renumber', 120_000)
    const start = (m.timeOrigin as number) + (m.start as number)
    const deadline = Date.now() + 120_000
    while (!formats.some((f) => f.start >= start) && Date.now() < deadline) await page.waitForTimeout(50)
    const format = formats.filter((f) => f.start >= start).pop()
    return {
      lastLabelPainted: (m.painted as number) - (m.start as number),
      styleAnswer: format ? format.end - start : NaN,
      styleRoundTrip: format ? format.end - format.start : NaN,
      before: String(m.before),
      after: String(m.after),
    }
  } finally {
    page.off('requestfinished', onFinished)
  }
}
