import { describe, expect, it } from 'vitest'
import type { Claim } from '@shared/dto/claims'
import type { SourceDetail, SourceSummary } from '@shared/dto/sources'
import { docxWithExternalImage, HOSTILE_SNAPSHOT } from '../fixtures/hostile-pages'
import { callApi, screenshot, useBrowserSession } from './harness'
import { importFile, showOriginal } from './steps'

/**
 * Playwright's own locators inside the frame try to run a helper script in the page's world there, which the
 * frame's sandbox refuses with this message: that is the sandbox at work, not the app. Anything else counts.
 */
const SANDBOX_REFUSED_PLAYWRIGHT = "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set."
const appErrors = (errors: string[]) => errors.filter((e) => e !== SANDBOX_REFUSED_PLAYWRIGHT)

/** The hostile page with forty paragraphs more, so the two views have somewhere to scroll to. */
function longHostilePage(): Buffer {
  const more = Array.from({ length: 40 }, (_, i) => `<p>Finding ${i + 1}: practices in area ${i + 1} reported their own figures on waiting times and staff turnover for the year.</p>`).join('\n')
  return Buffer.from(HOSTILE_SNAPSHOT.replace('<p>The last paragraph of the page.</p>', `${more}\n<p>The last paragraph of the page.</p>`))
}

describe('the Original view of a saved web page and a Word document', () => {
  const session = useBrowserSession({ defaultTimeout: 20_000 })

  it('an analyst reads a saved page as it was saved, its claims marked, with nothing in it able to run or load, and the two views in step', async () => {
    const { page, errors, server } = session
    const outside: string[] = []
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url.slice(0, server.url.indexOf('/?'))) && !r.url().startsWith('data:') && !r.url().startsWith('about:')) outside.push(r.url())
    })
    await page.evaluate(() => {
      ;(window as unknown as { ran: string[] }).ran = []
      window.addEventListener('message', (e) => (window as unknown as { ran: string[] }).ran.push(String(e.data)))
    })
    await importFile(page, { name: 'neighbourhood-health.html', mimeType: 'text/html', buffer: longHostilePage() })

    const source = (await callApi<SourceSummary[]>(server, 'sources.list', {})).find((s) => s.fileName === 'neighbourhood-health.html')!
    const detail = await callApi<SourceDetail>(server, 'sources.get', { id: source.id })
    const questions = await callApi<{ id: string }[]>(server, 'questions.list', {})
    const claimOn = async (exact: string, stance: 'supports' | 'opposes') => {
      const start = detail.text.indexOf(exact)
      return callApi<Claim>(server, 'claims.create', { sourceId: source.id, start, end: start + exact.length, exact, statement: exact, stances: questions[0] ? [{ questionId: questions[0].id, stance }] : [] })
    }
    await claimOn('saw fewer emergency admissions', 'supports')
    const late = await claimOn('practices in area 31 reported their own figures', 'opposes')

    const original = await showOriginal(page, new RegExp(source.title))
    await original.getByRole('status').filter({ hasText: '2 of 2 claims marked' }).waitFor()
    expect(await original.getByRole('status').textContent()).toContain('(3 images and 1 font not loaded)')
    const frame = page.frameLocator('iframe.web-original-frame')
    expect(await frame.locator('mark.ev-supports').textContent()).toBe('saw fewer emergency admissions')
    expect(await frame.locator('mark.ev-opposes').textContent()).toBe('practices in area 31 reported their own figures')
    expect(await frame.getByRole('img', { name: 'Image not loaded: Chart of admissions' }).isVisible()).toBe(true)
    expect(await page.locator('iframe.web-original-frame').getAttribute('sandbox')).toBe('allow-same-origin')

    // A link and a form cannot take the frame anywhere; a script never ran.
    await frame.getByText('the full report').click()
    await frame.getByText('A javascript link').click()
    expect(await frame.locator('form, input, button, script').count()).toBe(0)
    expect(await page.locator('iframe.web-original-frame').evaluate((f) => (f as HTMLIFrameElement).contentWindow!.location.href)).toBe('about:srcdoc')
    await screenshot(page, 'original-web-page.png')

    // Scrolling the clean text to a paragraph brings the page to the same one.
    const reader = page.getByLabel('Source text')
    const paragraph31 = detail.paragraphs.find((p) => detail.text.slice(p.start, p.end).startsWith('Finding 31:'))!
    await reader.evaluate((el, n) => {
      const p = document.getElementById(`p-${n}`)!
      el.scrollTop += p.getBoundingClientRect().top - el.getBoundingClientRect().top
    }, paragraph31.number)
    await expect.poll(() => frame.locator('mark.ev-opposes').evaluate((m) => Math.round(m.getBoundingClientRect().top)), { timeout: 5000 }).toBeLessThan(60)
    await screenshot(page, 'original-web-in-step.png')

    // Back to the top in the page; a click on the first claim there brings the clean text to it and opens it.
    const down = await reader.evaluate((el) => el.scrollTop)
    await page.waitForTimeout(600)
    await page.locator('iframe.web-original-frame').evaluate((f) => (f as HTMLIFrameElement).contentWindow!.scrollTo({ top: 0 }))
    await expect.poll(() => reader.evaluate((el) => el.scrollTop), { timeout: 5000 }).toBeLessThan(down / 2)
    await reader.evaluate((el) => (el.scrollTop = el.scrollHeight))
    // A real mouse click at the mark (Playwright's own element actions try to run script in the frame, which
    // its sandbox refuses: that is the sandbox working, not the app).
    const at = await page.locator('iframe.web-original-frame').evaluate((f) => {
      const frameBox = f.getBoundingClientRect()
      const mark = (f as HTMLIFrameElement).contentDocument!.querySelector('mark.ev-supports')!
      mark.scrollIntoView({ block: 'center' })
      // Its first line: a mark that wraps has its middle between two lines.
      const box = mark.getClientRects()[0]!
      return { x: frameBox.left + box.left + box.width / 2, y: frameBox.top + box.top + box.height / 2 }
    })
    await page.mouse.click(at.x, at.y)
    await page.getByRole('dialog', { name: /claim/i }).waitFor()
    const first = detail.paragraphs.find((p) => detail.text.slice(p.start, p.end).includes('saw fewer emergency admissions'))!
    const visible = await reader.evaluate((el, n) => {
      const r = document.getElementById(`p-${n}`)!.getBoundingClientRect()
      const box = el.getBoundingClientRect()
      return r.top >= box.top - 1 && r.top < box.bottom
    }, first.number)
    expect(visible).toBe(true)
    await page.getByRole('dialog', { name: /claim/i }).getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('dialog', { name: /claim/i }).waitFor({ state: 'detached' })

    expect(late.id).toBeTruthy()
    expect(await page.evaluate(() => (window as unknown as { ran: string[] }).ran)).toEqual([])
    expect(outside).toEqual([])
    expect(appErrors(errors)).toEqual([])
  })

  it('an analyst opens a claim on a saved page from the library: "Show in source" brings the page to the quote, marked as the one opened', async () => {
    const { page, errors } = session
    await page.getByRole('tab', { name: 'Claims' }).click()
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: /practices in area 31 reported their own figures/ }).click()
    await page.getByRole('dialog', { name: 'Edit claim' }).getByRole('button', { name: 'Show in source' }).click()
    // Read from outside the frame: Playwright's own locators cannot run in its sandbox.
    const opened = () =>
      page.locator('iframe.web-original-frame').evaluate((f) => {
        const frame = f as HTMLIFrameElement
        const mark = frame.contentDocument!.querySelector<HTMLElement>('mark.ev-target')
        if (!mark) return 'no mark'
        const box = mark.getBoundingClientRect()
        return box.top >= 0 && box.bottom <= frame.contentWindow!.innerHeight ? `${mark.className}: ${mark.textContent}` : 'out of view'
      })
    await expect.poll(opened, { timeout: 5000 }).toBe('ev-mark ev-opposes ev-target: practices in area 31 reported their own figures')
    await screenshot(page, 'original-web-open-in-source.png')
    await page.getByRole('tablist', { name: 'Left panel' }).getByRole('tab', { name: 'Sources' }).click()
    expect(appErrors(errors)).toEqual([])
  })

  it('an analyst reads a Word document as it was laid out, its linked picture shown as a placeholder', async () => {
    const { page, errors } = session
    await importFile(page, {
      name: 'integrated-care.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from(docxWithExternalImage()),
    })
    await showOriginal(page, /Integrated care review/)
    const frame = page.frameLocator('iframe.web-original-frame')
    await frame.getByRole('heading', { name: 'Integrated care review' }).waitFor()
    expect(await frame.getByRole('img', { name: 'Image not loaded' }).count()).toBe(1)
    expect(await frame.locator('img[src^="data:image/png"]').count()).toBe(1)
    await screenshot(page, 'original-docx.png')
    expect(appErrors(errors)).toEqual([])
  })
})
