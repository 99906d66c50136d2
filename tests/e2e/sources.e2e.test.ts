import { describe, expect, it } from 'vitest'
import { screenshot, useBrowserSession } from './harness'
import { sourceList } from './steps'

const STARTER_TITLES = [
  'Editorial on the crisis in general practice and integration with hospital care',
  'Breaking boundaries: redefining general practice and community services',
  'GPs risk being devoured by hospital trusts',
  'Hospitals could run general practice services in underserved areas',
  'Is Nationalisation of General Practice Inevitable?',
]

describe('sources in the browser', () => {
  const { page, errors } = useBrowserSession()

  it('an analyst opens Evident and sees the five starter sources, opens one, reads clean paragraphs', async () => {
    await expect.poll(() => sourceList(page).getByRole('option').count()).toBe(5)
    await screenshot(page, 'main.png')
    const titles = await sourceList(page).getByRole('option').locator('.source-title').allTextContents()
    expect([...titles].sort()).toEqual([...STARTER_TITLES].sort())
    // The one-time code has left the address bar (it is dead now anyway), and no token ever entered it.
    expect(page.url()).not.toMatch(/code=|token=/)

    await sourceList(page).getByRole('option', { name: /Editorial on the crisis/ }).click()
    const reader = page.getByRole('main', { name: 'Reader' })
    await reader.getByText('¶ 1', { exact: true }).waitFor()
    await expect.poll(() => reader.getByRole('heading', { name: 'Crisis in general praCtiCe', exact: true }).count()).toBe(1)
    // Paragraphs are whole: the PDF-style hard line breaks of the original are gone.
    const first = await reader.locator('#p-1 .para-text').textContent()
    expect(first).toMatch(/^In 2008, on the 60th birthday of the NHS Don Berwick/)
    expect(first).not.toContain('\n')
    // A reference number in the text is a note marker that says so, not part of the prose.
    expect(await reader.locator('sup.note-marker[title="Note 1"]').count()).toBeGreaterThan(0)
    await screenshot(page, 'reader.png')
    expect(errors).toEqual([])
  })

  it('an analyst finds a phrase inside the open source with Ctrl+F', async () => {
    await page.getByRole('main', { name: 'Reader' }).locator('#p-1 .para-text').click()
    await page.keyboard.press('Control+f')
    const find = page.getByRole('searchbox', { name: 'Find in this source' })
    await find.fill('general practice')
    const count = page.locator('.find-count')
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/)
    await find.press('Enter')
    await expect.poll(() => count.textContent()).toMatch(/^2 of \d+$/)
    await find.press('Shift+Enter')
    await expect.poll(() => count.textContent()).toMatch(/^1 of \d+$/)
    await find.press('Escape')
    expect(await find.count()).toBe(0)
  })

  it('an analyst imports a text file by choosing it and sees it in the list', async () => {
    const text = 'Workforce notes\n\nPartnership models in general practice are under strain in rural areas.\n'
    const file = { name: 'workforce-notes.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }
    await page.getByTestId('import-input').setInputFiles(file)
    const summary = page.getByRole('dialog', { name: 'Import finished' })
    await summary.waitFor()
    expect(await summary.textContent()).toContain('1 file imported')
    await expect.poll(() => sourceList(page).getByRole('option').count()).toBe(6)
    await summary.getByRole('button', { name: 'Close', exact: true }).click()

    // The same bytes again are a duplicate, said so in the summary, not a second copy.
    await page.getByTestId('import-input').setInputFiles(file)
    await summary.waitFor()
    expect(await summary.textContent()).toContain('1 duplicate skipped')
    await screenshot(page, 'import-summary.png')
    await page.keyboard.press('Escape')
    expect(await sourceList(page).getByRole('option').count()).toBe(6)
  })

  it('an analyst searches all sources and jumps to the paragraph', async () => {
    const search = page.getByRole('searchbox', { name: 'Search all sources' })
    await search.fill('apothecaries')
    const results = page.getByRole('region', { name: 'Search results' })
    const hit = results.getByRole('button').first()
    await hit.waitFor()
    expect(await hit.locator('mark').first().textContent()).toMatch(/apothecaries/i)
    const label = (await hit.locator('.search-hit-para').textContent()) ?? ''
    const paragraph = /¶ (\d+)/.exec(label)?.[1]
    expect(paragraph).toBeTruthy()
    await hit.click()

    const target = page.locator(`#p-${paragraph}`)
    await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await target.textContent()).toMatch(/apothecaries/i)
    expect(await target.isVisible()).toBe(true)
    const box = await target.boundingBox()
    expect(box && box.y > 0 && box.y < 900).toBe(true)
    await screenshot(page, 'search-jump.png')
    expect(errors).toEqual([])
  })

  it('an analyst moves through the sources with the keyboard alone', async () => {
    await sourceList(page).focus()
    await page.keyboard.press('Home')
    const selected = () => sourceList(page).locator('[aria-selected="true"] .source-title').textContent()
    const first = await selected()
    await page.keyboard.press('ArrowDown')
    await expect.poll(selected).not.toBe(first)
    const second = await selected()
    await expect.poll(() => page.getByRole('main', { name: 'Reader' }).locator('h1').textContent()).toBe(second)
    expect(await sourceList(page).evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('an analyst corrects a record and sees the new title, and a javascript: URL is refused', async () => {
    await sourceList(page).getByRole('option', { name: /GPs risk being devoured/ }).click()
    await page.getByRole('button', { name: 'Edit record' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit record' })
    await dialog.getByLabel('Title', { exact: true }).fill('GPs risk being devoured by hospital trusts (opinion)')
    await dialog.getByLabel('URL').fill('javascript:alert(1)')
    await dialog.getByRole('button', { name: 'Save record' }).click()
    await dialog.getByText('Only http:// and https:// web addresses are allowed.').waitFor()
    await screenshot(page, 'record-form.png')
    await dialog.getByLabel('URL').fill('https://www.pulsetoday.co.uk/views/referrals/gps-risk-being-devoured-by-hospital-trusts/')
    await dialog.getByRole('button', { name: 'Save record' }).click()
    await dialog.waitFor({ state: 'detached' })
    await sourceList(page).getByRole('option', { name: /\(opinion\)/ }).waitFor()
    expect(errors).toEqual([])
  })

  it('an analyst imports a revised version of a source and is told which claims were found again', async () => {
    await sourceList(page).getByRole('option', { name: /Hospitals could run general practice/ }).click()
    const reader = page.getByRole('main', { name: 'Reader' })
    await reader.locator('#p-1').waitFor()
    const text = await page.evaluate(async () => {
      const items = [...document.querySelectorAll('[data-start] .para-text')].map((el) => el.textContent ?? '')
      return items.join('\n\n')
    })
    // The revision adds an editor's note at the top and drops the last paragraph.
    const paragraphs = text.split('\n\n')
    const revised = ['Editor’s note: this article was updated.', ...paragraphs.slice(0, -1)].join('\n\n')
    await page.getByLabel(/Choose a new version of Hospitals could run/).setInputFiles({
      name: 'bmj-g6055-revised.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(revised),
    })
    await page.getByRole('status').filter({ hasText: /New version imported\. \d+ claims? found again/ }).waitFor()
    await reader.getByText('Editor’s note: this article was updated.').waitFor()
    expect(errors).toEqual([])
  })
})
