import { describe, expect, it } from 'vitest'
import { screenshot, useBrowserSession } from './harness'
import { selectBetween } from './steps'

const EDITORIAL = /Editorial on the crisis/
const PHRASE = 'on the 60th birthday of the NHS'

describe('claims in the browser', () => {
  const { page, errors } = useBrowserSession({ defaultTimeout: 10_000 })

  const tab = (name: string) => page.getByRole('tab', { name })
  const library = () => page.getByRole('listbox', { name: 'Claims' })
  const reader = () => page.getByRole('main', { name: 'Reader' })

  /** Selects the first occurrence of a phrase inside one paragraph of the reader, as a drag would. */
  async function selectInReader(paragraph: string, phrase: string) {
    await page.evaluate(
      ([selector, text]) => {
        const root = document.querySelector(selector)!
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n as Text).data.indexOf(text!)
          if (at < 0) continue
          const range = document.createRange()
          range.setStart(n, at)
          range.setEnd(n, at + text!.length)
          document.getSelection()!.removeAllRanges()
          document.getSelection()!.addRange(range)
          return
        }
        throw new Error(`"${text}" is not in ${selector}`)
      },
      [paragraph, phrase] as const,
    )
  }

  it('the library shows the starter claims and filters by stance', async () => {
    await tab('Claims').click()
    await expect.poll(() => library().getByRole('option').count()).toBeGreaterThan(3)
    const summary = page.locator('.claims-summary')
    await expect.poll(() => summary.textContent()).toMatch(/^\d+ claims$/)
    const total = Number((await summary.textContent())!.split(' ')[0])
    expect(total).toBeGreaterThanOrEqual(20)

    await page.getByRole('button', { name: 'Filters' }).click()
    const filters = page.getByRole('group', { name: 'Filter claims' })
    await filters.getByLabel('Question').selectOption({ label: 'Should hospital trusts run general practice?' })
    await filters.getByLabel('Stance').selectOption({ label: 'Opposes' })
    await expect.poll(() => summary.textContent()).toMatch(/^\d+ claims? match(es)? the filters$/)
    const opposing = Number((await summary.textContent())!.split(' ')[0])
    expect(opposing).toBeGreaterThan(0)
    expect(opposing).toBeLessThan(total)
    const badges = await library().getByRole('option').locator('.stance-badge').allTextContents()
    expect(badges.length).toBeGreaterThan(0)
    expect(new Set(badges.map((b) => b.trim()))).toEqual(new Set(['Opposes']))
    await screenshot(page, 'claims-library-filtered.png')

    await page.getByRole('button', { name: 'Tags…' }).click()
    const manager = page.getByRole('dialog', { name: 'Tags' })
    await manager.getByRole('list', { name: 'All tags' }).getByRole('listitem').first().waitFor()
    expect(await manager.getByRole('button', { name: /^Merge Workforce > Recruitment/ }).count()).toBe(1)
    await screenshot(page, 'claims-tags-manager.png')
    await manager.getByRole('button', { name: 'Done' }).click()

    await filters.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => summary.textContent()).toBe(`${total} claims`)
    await page.getByRole('button', { name: 'Filters' }).click()
    expect(errors).toEqual([])
  })

  it('an analyst narrows the library to one source by typing part of its title', async () => {
    const summary = page.locator('.claims-summary')
    await expect.poll(() => summary.textContent()).toMatch(/^\d+ claims$/)
    const total = Number((await summary.textContent())!.split(' ')[0])

    await page.getByRole('button', { name: 'Filters' }).click()
    const source = page.getByRole('group', { name: 'Filter claims' }).getByRole('combobox', { name: 'Source' })
    await source.fill('devoured')
    const matches = page.getByRole('listbox', { name: 'Source' })
    await expect.poll(() => matches.getByRole('option').allTextContents()).toEqual([expect.stringMatching(/^GPs risk being devoured by hospital trusts/)])
    expect(await source.getAttribute('aria-expanded')).toBe('true')
    await screenshot(page, 'claims-library-source-filter.png')
    await source.press('Enter')
    expect(await source.inputValue()).toBe('GPs risk being devoured by hospital trusts')
    expect(await source.getAttribute('aria-expanded')).toBe('false')
    await expect.poll(() => summary.textContent()).toMatch(/^\d+ claims? match(es)? the filters$/)
    const fromSource = Number((await summary.textContent())!.split(' ')[0])
    expect(fromSource).toBeGreaterThan(0)
    expect(fromSource).toBeLessThan(total)

    // Emptying the box and leaving it means any source again.
    await source.fill('')
    await source.press('Tab')
    await expect.poll(() => summary.textContent()).toBe(`${total} claims`)
    await page.getByRole('button', { name: 'Filters' }).click()
    expect(errors).toEqual([])
  })

  it('an analyst selects a passage, presses Ctrl+Enter, tags it and finds it in the library by search', async () => {
    await tab('Sources').click()
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: EDITORIAL }).click()
    await reader().locator('#p-1 .para-text').waitFor()

    await selectInReader('#p-1 .para-text', PHRASE)
    await page.getByRole('button', { name: 'New claim' }).waitFor()
    await page.keyboard.press('Control+Enter')

    const form = page.getByRole('dialog', { name: 'New claim' })
    await form.waitFor()
    expect(await form.getByLabel('Quote').textContent()).toBe(PHRASE)
    await expect.poll(() => form.locator('figcaption').textContent()).toMatch(/Editorial on the crisis.*¶ 1/)
    await form.getByLabel('Statement').fill('The NHS turned sixty in 2008, a moment for reflecting on general practice.')
    await form.getByRole('searchbox', { name: 'Find or create a tag' }).fill('History > Anniversaries')
    await form.getByRole('button', { name: /Create tag “History > Anniversaries”/ }).click()
    await form.getByRole('list', { name: 'Chosen tags' }).getByText('Anniversaries').waitFor()
    await form.getByLabel('Stance on “Should hospital trusts run general practice?”').selectOption('neutral')
    await form.getByLabel('Evidence type').selectOption('policy-statement')
    await screenshot(page, 'claim-form.png')
    await form.getByRole('button', { name: 'Create claim' }).click()
    await form.waitFor({ state: 'detached' })

    // The new claim is painted in the reader.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('evident-claim')?.size ?? 0)).toBeGreaterThan(0)

    await tab('Claims').click()
    await page.getByRole('searchbox', { name: 'Search claims' }).fill('sixty reflecting')
    await expect.poll(() => page.locator('.claims-summary').textContent()).toMatch(/^\d+ claims? match(es)? “sixty reflecting”$/)
    const found = library().getByRole('option', { name: /NHS turned sixty/ })
    await found.waitFor()
    // Best match first, with the searched words marked in its snippet.
    await expect.poll(() => library().getByRole('option').first().locator('.claim-statement').textContent()).toMatch(/NHS turned sixty/)
    expect((await found.locator('mark').allTextContents()).length).toBeGreaterThan(0)
    expect(await found.textContent()).toContain('Anniversaries')
    expect(await found.locator('.stance-badge').textContent()).toBe('Neutral')
    await screenshot(page, 'claims-library-search.png')
    expect(errors).toEqual([])
  })

  it('an analyst opens a claim from the library with the keyboard, and from its highlight in the reader', async () => {
    await page.getByRole('searchbox', { name: 'Search claims' }).fill('')
    await expect.poll(() => library().getByRole('option').count()).toBeGreaterThan(3)
    for (const dismiss of await page.getByRole('button', { name: 'Dismiss notification' }).all()) await dismiss.click()
    await library().focus()
    await page.keyboard.press('ArrowDown')
    await screenshot(page, 'claims-library.png')
    await page.keyboard.press('Enter')
    const edit = page.getByRole('dialog', { name: 'Edit claim' })
    await edit.waitFor()
    await edit.getByRole('button', { name: 'Cancel' }).click()
    await edit.waitFor({ state: 'detached' })

    // Clicking the highlighted passage opens its claim.
    const box = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('evident-claim') ?? [])][0] as Range
      const r = range.getClientRects()[0]!
      return { x: r.left + Math.min(8, r.width / 2), y: r.top + r.height / 2 }
    })
    await page.mouse.click(box.x, box.y)
    await page.getByRole('dialog', { name: 'Edit claim' }).waitFor()
    await page.keyboard.press('Escape')
    expect(errors).toEqual([])
  })

  it('an analyst re-attaches a claim by selecting its passage again', async () => {
    await tab('Claims').click()
    await page.getByRole('searchbox', { name: 'Search claims' }).fill('sixty reflecting')
    await library().getByRole('option', { name: /NHS turned sixty/ }).click()
    const form = page.getByRole('dialog', { name: 'Edit claim' })
    await form.getByRole('button', { name: 'Re-attach…' }).click()
    await page.getByRole('status').filter({ hasText: 'Re-attaching a claim' }).waitFor()

    await selectInReader('#p-1 .para-text', '60th birthday of the NHS Don Berwick')
    await page.getByRole('button', { name: 'Re-attach here' }).click()
    const reopened = page.getByRole('dialog', { name: 'Edit claim' })
    await expect.poll(() => reopened.getByLabel('Quote').textContent()).toBe('60th birthday of the NHS Don Berwick')
    // The analyst's own statement is kept; only the quote and its anchor moved.
    expect(await reopened.getByRole('textbox', { name: 'Statement' }).inputValue()).toMatch(/^The NHS turned sixty/)
    await reopened.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('searchbox', { name: 'Search claims' }).fill('')
    expect(errors).toEqual([])
  })

  it('an analyst quotes a sentence with a reference number in it, and the quote keeps the number', async () => {
    await tab('Sources').click()
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: EDITORIAL }).click()
    // "GP vacancies were at a low level2 and morale…": the 2 is a note-marker superscript of its own.
    await selectBetween(reader().locator('#p-3 .para-text'), 'low level', 'and morale')
    await page.keyboard.press('Control+Enter')
    const form = page.getByRole('dialog', { name: 'New claim' })
    expect(await form.getByLabel('Quote').textContent()).toBe('low level2 and morale')
    await form.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })

  it('an analyst presses Ctrl+Enter with nothing selected and is told to select a passage', async () => {
    await reader().locator('#p-2 .para-text').click()
    await page.keyboard.press('Control+Enter')
    await page.getByRole('status').filter({ hasText: 'Select a passage in the source first' }).waitFor()
    expect(await page.getByRole('dialog').count()).toBe(0)
  })

  it('an analyst accepts one suggested claim and dismisses another', async () => {
    await tab('Suggestions').click()
    const list = page.getByRole('list', { name: /Suggested claims from/ })
    await list.waitFor()
    const items = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Dismiss suggestion/ }) })
    const before = await items.count()
    expect(before).toBeGreaterThan(1)
    await screenshot(page, 'claims-suggestions.png')
    await items.first().getByRole('button', { name: /^Dismiss suggestion/ }).click()
    await expect.poll(() => items.count()).toBe(before - 1)
    await items.first().getByRole('button', { name: /^Accept suggestion/ }).click()
    const form = page.getByRole('dialog', { name: 'New claim' })
    await form.waitFor()
    expect((await form.getByLabel('Quote').textContent())!.length).toBeGreaterThan(10)
    await form.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })

  it('an analyst removes a source and its claims stay in the library, flagged as orphaned', async () => {
    await tab('Sources').click()
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /GPs risk being devoured/ }).click()
    await page.getByRole('button', { name: 'Remove', exact: true }).click()
    await page.getByRole('alertdialog', { name: 'Remove source?' }).getByRole('button', { name: 'Remove source' }).click()

    await tab('Claims').click()
    await page.getByRole('button', { name: 'Filters' }).click()
    await page.getByRole('group', { name: 'Filter claims' }).getByLabel('Status').selectOption({ label: 'Orphaned' })
    await expect.poll(() => page.locator('.claims-summary').textContent()).toMatch(/^\d+ claims? match(es)? the filters$/)
    const orphan = library().getByRole('option').first()
    expect(await library().getByRole('option', { name: /^Orphaned claim:/ }).count()).toBeGreaterThan(0)
    expect(await orphan.textContent()).toContain('Orphaned — its source was removed')
    await screenshot(page, 'claims-orphaned.png')

    await orphan.click()
    const form = page.getByRole('dialog', { name: 'Edit claim' })
    await form.getByRole('alert').filter({ hasText: 'Its source has been removed.' }).waitFor()
    expect(await form.getByRole('button', { name: 'Re-attach…' }).count()).toBe(0)
    await form.getByRole('button', { name: 'Cancel' }).click()
    expect(errors).toEqual([])
  })
})
