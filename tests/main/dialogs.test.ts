import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))

import type { BrowserWindow } from 'electron'
import { createDialogs, withProjectExtension } from '../../electron/main/dialogs'

function fakeDialog(result: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
  return {
    showOpenDialog: vi.fn(async (..._a: unknown[]) => ({ canceled: result.canceled, filePaths: result.filePaths ?? [] })),
    showSaveDialog: vi.fn(async (..._a: unknown[]) => ({ canceled: result.canceled, filePath: result.filePath ?? '' })),
    showMessageBox: vi.fn(async (..._a: unknown[]) => ({ response: 0, checkboxChecked: false })),
  }
}

const win = { isDestroyed: () => false } as unknown as BrowserWindow

describe('native dialogs', () => {
  it('pick files for the contract, attached to the window', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/a.pdf', '/b.docx'] })
    const { hooks } = createDialogs(dialog as never, () => win)
    const filters = [{ name: 'Documents', extensions: ['pdf', 'docx'] }]
    await expect(hooks.pickOpenPaths({ title: 'Import', filters, multiple: true })).resolves.toEqual(['/a.pdf', '/b.docx'])
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, { title: 'Import', filters, properties: ['openFile', 'multiSelections'] })
  })

  it('report a cancelled dialog as no paths, not an error', async () => {
    const { hooks, pickProjectToOpen } = createDialogs(fakeDialog({ canceled: true }) as never, () => null)
    await expect(hooks.pickOpenPaths({ title: 'Import', filters: [], multiple: false })).resolves.toEqual([])
    await expect(hooks.pickSavePath({ title: 'Export', suggestedName: 'Brief.docx', filters: [] })).resolves.toEqual({ path: null })
    await expect(pickProjectToOpen()).resolves.toBeNull()
  })

  it('give a new project the .evident extension when the file chooser did not', async () => {
    const { pickNewProjectPath } = createDialogs(fakeDialog({ canceled: false, filePath: '/home/a/Trusts' }) as never, () => win)
    await expect(pickNewProjectPath()).resolves.toBe('/home/a/Trusts.evident')
    expect(withProjectExtension('/x/Y.Evident')).toBe('/x/Y.Evident')
  })

  it('show errors as a native message box with the plain-English message', async () => {
    const dialog = fakeDialog({ canceled: false })
    await createDialogs(dialog as never, () => win).showError('Could not open the project', 'This file is not an Evident project.')
    expect(dialog.showMessageBox).toHaveBeenCalledWith(win, expect.objectContaining({ type: 'error', detail: 'This file is not an Evident project.' }))
  })

  it('ask whether to open a project held by another Evident read-only, naming the holder; Cancel says no', async () => {
    const dialog = fakeDialog({ canceled: false })
    const dialogs = createDialogs(dialog as never, () => win)
    const held = '“Shared.evident” is open in Evident in browser mode (process 4242), which is writing to it.'
    await expect(dialogs.askOpenReadOnly(held)).resolves.toBe(true)
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ type: 'question', buttons: ['Open Read-Only', 'Cancel'], cancelId: 1, detail: expect.stringContaining(held) }),
    )
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false })
    await expect(dialogs.askOpenReadOnly(held)).resolves.toBe(false)
  })
})
