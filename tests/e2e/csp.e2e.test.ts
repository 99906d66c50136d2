import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '@shared/web'
import { launchBrowser, startServer, type EvidentServer } from './harness'

interface Violation {
  directive: string
  blocked: string
  source: string
  line: number
}

declare global {
  interface Window {
    __violations: Violation[]
  }
}

// A Word paste as it reaches the clipboard: every run styled inline, Docs' not-bold wrapper, a list marker.
const WORD_HTML = [
  '<b style="font-weight:normal" id="docs-internal-guid-1">',
  '<p class="MsoNormal" style="margin:0cm;font-family:Calibri"><span style="font-weight:700">Funding follows the patient</span>',
  ' <span style="font-style:italic">in every integrated system</span></p>',
  '<p style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">1.</span> A listed point</p>',
  '</b>',
].join('')

describe('the strict content security policy, in Chromium', () => {
  let server: EvidentServer
  let browser: Browser
  let page: Page
  const errors: string[] = []
  let headerPolicy: string | undefined

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    // Listening from before the first script runs, so nothing the page does at start-up goes unseen.
    await page.addInitScript(() => {
      window.__violations = []
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber }),
      )
    })
    const response = await page.goto(server.url)
    headerPolicy = response?.headers()['content-security-policy']
    page.setDefaultTimeout(8_000)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const violations = () => page.evaluate(() => window.__violations)
  const brief = () => page.getByRole('complementary', { name: 'Brief' })
  const editor = () => brief().getByRole('textbox', { name: /^Brief: / })

  it('the page is served under the one policy, as a header and in its meta tag', async () => {
    expect(headerPolicy).toBe(CONTENT_SECURITY_POLICY)
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY)
  })

  it('an analyst opens a source, reads it and searches inside it without a single violation', async () => {
    const sources = page.getByRole('listbox', { name: 'Sources' })
    await sources.getByRole('option', { name: /Editorial on the crisis/ }).click()
    const reader = page.getByRole('main', { name: 'Reader' })
    await reader.getByText('¶ 1', { exact: true }).waitFor()
    await reader.locator('#p-1 .para-text').click()
    await page.keyboard.press('Control+f')
    await page.getByRole('searchbox', { name: 'Find in this source' }).fill('general practice')
    await expect.poll(() => page.locator('.find-count').textContent()).toMatch(/^1 of \d+$/)
    await page.keyboard.press('Escape')
    await page.getByRole('tab', { name: 'Claims' }).click()
    await page.getByRole('listbox', { name: 'Claims' }).getByRole('option').first().waitFor()
    expect(await violations()).toEqual([])
    expect(errors).toEqual([])
  })

  it('an analyst writes a brief: formatting, a citation, a Word paste, the evidence view, without a single violation', async () => {
    await brief().getByRole('button', { name: 'New brief' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New brief' })
    await dialog.getByLabel('Title', { exact: true }).fill('Under the policy')
    await dialog.getByRole('radio', { name: /^Policy brief/ }).check()
    await dialog.getByRole('button', { name: 'Create brief' }).click()
    await editor().locator('h1', { hasText: 'Under the policy' }).waitFor()

    const paragraph = editor().locator('h2 + p').first()
    await paragraph.click()
    await page.keyboard.press('End')
    await page.waitForTimeout(100)
    await page.keyboard.type('Plain, then ')
    await page.keyboard.press('Control+b')
    await page.keyboard.type('bold')
    await page.keyboard.press('Control+b')

    await page.keyboard.press('Control+Shift+K')
    const picker = page.getByRole('dialog', { name: 'Insert a claim' })
    await picker.getByRole('combobox', { name: 'Find a claim to cite' }).fill('GP')
    await expect.poll(() => picker.getByRole('option', { selected: true }).count()).toBe(1)
    await page.keyboard.press('Enter')
    await expect.poll(() => paragraph.locator('.citation').count()).toBe(1)

    await page.evaluate((html) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', 'Funding follows the patient in every integrated system')
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, WORD_HTML)
    // Its inline styles were read: bold and italic kept, the Docs wrapper not made bold, Word's marker dropped.
    await expect.poll(() => editor().locator('strong').allTextContents()).toEqual(['bold', 'Funding follows the patient'])
    expect(await editor().locator('em').allTextContents()).toEqual(['in every integrated system'])
    const text = await editor().textContent()
    expect(text).toContain('A listed point')
    expect(text).not.toContain('1. A listed point')

    await brief().getByRole('tab', { name: 'Evidence' }).click()
    await brief().getByText('Balance of evidence', { exact: false }).first().waitFor()
    expect(await violations()).toEqual([])
    expect(errors).toEqual([])
  })

  it('and the policy is really enforced: an injected <style> element is refused and reported', async () => {
    const applied = await page.evaluate(() => {
      const style = document.createElement('style')
      style.textContent = 'body { text-indent: 123px }'
      document.head.appendChild(style)
      return getComputedStyle(document.body).textIndent
    })
    expect(applied).toBe('0px')
    await expect.poll(async () => (await violations()).map((v) => v.directive)).toContain('style-src-elem')
  })
})
