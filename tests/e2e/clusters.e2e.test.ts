import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations, describeViolations } from './axe'
import { screenshot, useBrowserSession } from './harness'

const brief = (page: Page) => page.getByRole('complementary', { name: 'Brief' })
const editor = (page: Page) => brief(page).getByRole('textbox', { name: /^Brief: / })
// The starter brief's first key message ends with a cluster of two claims.
const firstMessage = (page: Page) => editor(page).locator('li').first()
const claimOrder = (page: Page) => firstMessage(page).locator('[data-citation-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claim-id')))
const activeName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')

/** The caret onto the last citation of the first key message (over the full stop after it), then Enter into its card. */
async function openClusterCard(page: Page): Promise<void> {
  await firstMessage(page).click()
  await page.keyboard.press('End')
  await page.waitForTimeout(100)
  await page.keyboard.press('ArrowLeft')
  await page.waitForTimeout(100)
  await page.keyboard.press('ArrowLeft')
  await page.getByRole('region', { name: 'Cluster' }).waitFor()
  await page.keyboard.press('Enter')
  await expect.poll(() => activeName(page)).toBe('Open in source')
}

/** Tab through the card, as a keyboard user does, until a control whose name starts with `name` has focus. */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    if ((await activeName(page)).startsWith(name)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached “${name}”; focus is on “${await activeName(page)}”`)
}

describe('an analyst edits a citation cluster from its card, by keyboard', () => {
  const session = useBrowserSession({ defaultTimeout: 8_000 })
  let page: Page
  let errors: string[]
  beforeAll(() => ({ page, errors } = session))

  it('reorders the cluster, splits it in two and adds a citation to it, with the card clean under axe', async () => {
    await editor(page).locator('[data-citation-key]').first().waitFor()
    const before = await claimOrder(page)
    expect(before).toHaveLength(2)
    await openClusterCard(page)
    const cluster = page.getByRole('region', { name: 'Cluster' })
    expect(await cluster.getByRole('listitem').count()).toBe(2)
    const violations = await axeViolations(page, '.citation-card')
    expect(violations, describeViolations(violations)).toEqual([])
    await screenshot(page, 'citation-cluster-card.png')

    // Reorder: the second citation moves first; the document's order follows and focus stays in the card.
    await tabTo(page, 'Move earlier') // the first citation's, which cannot move earlier
    await page.keyboard.press('Tab') // its Move later
    await page.keyboard.press('Tab') // the second citation's Move earlier
    expect(await activeName(page)).toMatch(/^Move earlier/)
    await page.keyboard.press('Enter')
    await expect.poll(() => claimOrder(page)).toEqual([before[1], before[0]])
    expect(await activeName(page)).toMatch(/^Move earlier/)

    // Split: a space goes between them, and each citation has its own label.
    await tabTo(page, 'Split here')
    await page.keyboard.press('Enter')
    await expect.poll(() => firstMessage(page).locator('.citation-cluster-member').count()).toBe(0)
    await expect.poll(() => firstMessage(page).locator('.citation-author-date').count()).toBe(2)

    // Add: from the last citation's card, the claim picker inserts at the end of its cluster.
    expect(await activeName(page)).toBe('Add a citation to this cluster…')
    await page.keyboard.press('Escape')
    await openClusterCard(page)
    await tabTo(page, 'Add a citation to this cluster')
    await page.keyboard.press('Enter')
    const picker = page.getByRole('dialog', { name: 'Insert a claim' })
    const box = picker.getByRole('combobox', { name: 'Find a claim to cite' })
    await box.fill('GP federations are an alternative route')
    await expect.poll(() => picker.getByRole('option', { selected: true }).textContent()).toContain('GP federations')
    await page.keyboard.press('Enter')
    await box.waitFor({ state: 'detached' })
    await expect.poll(() => claimOrder(page).then((ids) => ids.length)).toBe(3)
    await expect.poll(() => firstMessage(page).locator('.citation-cluster-member').count()).toBe(1)
    // Harvard in the text: the full stop still follows the cluster.
    expect(await firstMessage(page).textContent()).toMatch(/\.$/)
    expect(errors).toEqual([])
  })
})
