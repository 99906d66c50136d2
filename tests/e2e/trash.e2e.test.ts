import { describe, expect, it } from 'vitest'
import type { BriefDocument, BriefSummary } from '@shared/dto/briefs'
import type { ClaimPage, Question, Tag } from '@shared/dto/claims'
import type { SourceSummary } from '@shared/dto/sources'
import type { CitingBrief } from '@shared/dto/trash'
import { callApi, screenshot, useBrowserSession } from './harness'

describe('the Trash in the browser', () => {
  const session = useBrowserSession({ defaultTimeout: 10_000 })
  const { page, errors } = session

  const trashButton = () => page.getByRole('button', { name: /^Trash,/ })
  const trashView = () => page.getByRole('dialog', { name: 'Trash' })

  it('deleting a cited claim names the briefs that cite it, and the claim waits in the Trash', async () => {
    const [summary] = await callApi<BriefSummary[]>(session.server, 'briefs.list', {})
    const brief = await callApi<BriefDocument>(session.server, 'briefs.get', { id: summary!.id })
    const claims = (await callApi<ClaimPage>(session.server, 'claims.search', { limit: 500 })).items
    const cited = claims.find((c) => JSON.stringify(brief.content).includes(JSON.stringify(c.id)))!
    const [citing] = await callApi<CitingBrief[]>(session.server, 'claims.citedBy', { id: cited.id })

    await page.getByRole('tab', { name: 'Claims' }).click()
    await page.getByRole('searchbox', { name: 'Search claims' }).or(page.getByLabel('Search claims')).first().fill(cited.statement.split(/\s+/).slice(0, 6).join(' '))
    const option = page.getByRole('listbox', { name: 'Claims' }).getByRole('option', { name: new RegExp(`^${cited.statement.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
    await option.first().click()
    await page.getByRole('dialog', { name: 'Edit claim' }).getByRole('button', { name: 'Delete claim' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Delete this claim?' })
    await confirm.getByText(/1 brief cites this claim/).waitFor()
    expect(await confirm.getByRole('listitem').allTextContents()).toEqual([`“${citing!.title}” — ${citing!.citations === 1 ? '1 citation' : `${citing!.citations} citations`}`])
    await screenshot(page, 'trash-delete-claim-confirmation.png')
    await confirm.getByRole('button', { name: 'Delete claim' }).click()
    await expect.poll(() => trashButton().getAttribute('aria-label')).toBe('Trash, 1 item')
  })

  it('a removed source and the claim go to the Trash; the Trash view lists them and restores them', async () => {
    await page.getByRole('tab', { name: 'Sources' }).click()
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /GPs risk being devoured/ }).click()
    await page.getByRole('button', { name: 'Remove', exact: true }).click()
    const remove = page.getByRole('alertdialog', { name: 'Remove source?' })
    await remove.getByText(/move to the Trash/).waitFor()
    await remove.getByRole('button', { name: 'Remove source' }).click()
    await expect.poll(() => trashButton().getAttribute('aria-label')).toBe('Trash, 2 items')

    await trashButton().click()
    const view = trashView()
    const rows = view.getByRole('row')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.nth(1).getByRole('cell').first().textContent()).toBe('Source')
    expect(await rows.nth(1).textContent()).toMatch(/GPs risk being devoured.*claims? \(kept in the library, orphaned/)
    expect(await rows.nth(2).getByRole('cell').first().textContent()).toBe('Claim')
    await screenshot(page, 'trash-view.png')

    await view.getByRole('button', { name: /^Restore source/ }).click()
    await expect.poll(() => rows.count()).toBe(2)
    await view.getByRole('button', { name: /^Restore claim/ }).click()
    await view.getByText('The Trash is empty.').waitFor()
    await view.getByRole('button', { name: 'Close', exact: true }).click()
    await page.getByRole('tab', { name: 'Sources' }).click()
    await page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /GPs risk being devoured/ }).waitFor()
    expect((await callApi<ClaimPage>(session.server, 'claims.search', { status: 'orphaned', limit: 500 })).total).toBe(0)
  })

  it('Empty Trash asks first, then deletes for good', async () => {
    const [summary] = await callApi<BriefSummary[]>(session.server, 'briefs.list', {})
    const tag = await callApi<{ id: string }>(session.server, 'tags.create', { name: 'Throwaway theme', parentId: null })
    await callApi(session.server, 'tags.delete', { id: tag.id, force: true })
    await expect.poll(() => trashButton().getAttribute('aria-label')).toBe('Trash, 1 item')
    await trashButton().click()
    await trashView().getByRole('button', { name: 'Empty Trash…' }).click()
    const ask = page.getByRole('alertdialog', { name: 'Empty the Trash?' })
    await ask.getByText(/cannot be undone/).waitFor()
    await ask.getByRole('button', { name: 'Cancel' }).click()
    expect(await trashView().getByRole('row').count()).toBe(2)
    await trashView().getByRole('button', { name: 'Empty Trash…' }).click()
    await page.getByRole('alertdialog', { name: 'Empty the Trash?' }).getByRole('button', { name: 'Empty Trash' }).click()
    await trashView().getByText('The Trash is empty.').waitFor()
    await page.getByText('Deleted 1 item for good.', { exact: true }).waitFor()
    await trashView().getByRole('button', { name: 'Close', exact: true }).click()
    expect(await callApi<BriefSummary[]>(session.server, 'briefs.list', {})).toContainEqual(expect.objectContaining({ id: summary!.id }))
    expect(errors).toEqual([])
  })

  it('a deleted tag, question and brief each come back from the Trash view with their claims and links', async () => {
    const tag = (await callApi<Tag[]>(session.server, 'tags.list', {})).find((t) => t.claimCount > 0)!
    const question = (await callApi<Question[]>(session.server, 'questions.list', {})).find((q) => q.claimCount > 0)!
    const brief = await callApi<BriefDocument>(session.server, 'briefs.create', { title: 'Brief to throw away', template: 'blank', questionId: question.id })
    await callApi(session.server, 'tags.delete', { id: tag.id, force: true })
    await callApi(session.server, 'questions.delete', { id: question.id, force: true })
    await callApi(session.server, 'briefs.delete', { id: brief.id })
    await expect.poll(() => trashButton().getAttribute('aria-label')).toBe('Trash, 3 items')

    await trashButton().click()
    const view = trashView()
    for (const [kind, name] of [['tag', tag.path], ['question', question.text], ['brief', brief.title]]) {
      await view.getByRole('button', { name: `Restore ${kind} “${name}”` }).click()
      await view.getByRole('button', { name: `Restore ${kind} “${name}”` }).waitFor({ state: 'detached' })
    }
    await view.getByText('The Trash is empty.').waitFor()
    await view.getByRole('button', { name: 'Close', exact: true }).click()
    expect((await callApi<Tag[]>(session.server, 'tags.list', {})).find((t) => t.id === tag.id)?.claimCount).toBe(tag.claimCount)
    expect((await callApi<Question[]>(session.server, 'questions.list', {})).find((q) => q.id === question.id)?.claimCount).toBe(question.claimCount)
    expect((await callApi<BriefSummary[]>(session.server, 'briefs.list', {})).find((b) => b.id === brief.id)).toMatchObject({ title: 'Brief to throw away', questionId: question.id })
    expect(errors).toEqual([])
  })

  it('importing a file whose source is in the Trash offers it back and restores it when asked; after the Trash is emptied, importing it again re-attaches its claims', async () => {
    const sources = await callApi<SourceSummary[]>(session.server, 'sources.list', {})
    const claimsOf = async (sourceId: string) => (await callApi<ClaimPage>(session.server, 'claims.search', { sourceId, limit: 500 })).items
    let source: SourceSummary | undefined
    for (const s of sources) if ((await claimsOf(s.id)).length > 0) source = source ?? s
    const claims = await claimsOf(source!.id)
    const original = await callApi<{ fileName: string; dataBase64: string }>(session.server, 'sources.original', { id: source!.id })
    const importFile = async () => {
      await page.getByTestId('import-input').setInputFiles({ name: original.fileName, mimeType: 'application/octet-stream', buffer: Buffer.from(original.dataBase64, 'base64') })
      const done = page.getByRole('dialog', { name: 'Import finished' })
      await done.waitFor()
      return done
    }

    await callApi(session.server, 'sources.remove', { id: source!.id })
    const restored = await importFile()
    const offer = restored.getByRole('region', { name: 'In the Trash' })
    await offer.getByText(`is “${source!.title}” in the Trash`, { exact: false }).waitFor()
    expect(await restored.getByText('0 files imported', { exact: false }).count()).toBe(1)
    // Nothing comes back until the analyst says so.
    expect((await callApi<SourceSummary[]>(session.server, 'sources.list', {})).length).toBe(sources.length - 1)
    await screenshot(page, 'import-restores-from-trash.png')
    await offer.getByRole('button', { name: 'Restore from Trash' }).click()
    await offer.getByRole('button', { name: 'Restored: open it' }).waitFor()
    await restored.getByRole('button', { name: 'Close', exact: true }).click()
    expect((await callApi<SourceSummary[]>(session.server, 'sources.list', {})).length).toBe(sources.length)
    expect((await claimsOf(source!.id)).every((c) => c.status === 'anchored')).toBe(true)

    await callApi(session.server, 'sources.remove', { id: source!.id })
    await callApi(session.server, 'trash.empty', {})
    const again = await importFile()
    const count = `${claims.length} ${claims.length === 1 ? 'claim' : 'claims'} left by an earlier copy of this file attached again`
    await again.getByText(count, { exact: false }).waitFor()
    await again.getByRole('button', { name: 'Close', exact: true }).click()
    const back = (await callApi<SourceSummary[]>(session.server, 'sources.list', {})).find((s) => !sources.some((o) => o.id === s.id))
    expect((await claimsOf(back!.id)).map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort())
    expect(errors).toEqual([])
  })
})
