import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron'
import type { PlatformHooks } from '../core/app/platform'
import { extname } from 'node:path'
import { PROJECT_EXTENSION } from '../shared/limits'

type DialogApi = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>

const PROJECT_FILTER = { name: 'Evident project', extensions: [PROJECT_EXTENSION.slice(1)] }

export interface Dialogs {
  /** For the contract's files.pickForReading / files.pickForWriting (core turns the paths into handles). */
  hooks: PlatformHooks
  pickProjectToOpen(): Promise<string | null>
  pickNewProjectPath(): Promise<string | null>
  pickCopyPath(projectName: string): Promise<string | null>
  showError(title: string, message: string): Promise<void>
  /** Another Evident is writing the project: read it anyway, without writing? */
  askOpenReadOnly(message: string): Promise<boolean>
}

/** Linux file choosers do not add the extension for you. */
export function withProjectExtension(path: string): string {
  return withExtensionOf(path, PROJECT_EXTENSION)
}

/** The place chosen for a file to be named like suggestedName keeps its extension, which the chooser may leave off. */
function withExtensionOf(path: string, extension: string): string {
  return !extension || path.toLowerCase().endsWith(extension.toLowerCase()) ? path : `${path}${extension}`
}

export function createDialogs(dialog: DialogApi, getWindow: () => BrowserWindow | null): Dialogs {
  const parent = (): BrowserWindow | null => {
    const win = getWindow()
    return win && !win.isDestroyed() ? win : null
  }
  const open = async (options: OpenDialogOptions): Promise<string[]> => {
    const win = parent()
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return result.canceled ? [] : result.filePaths
  }
  const save = async (options: SaveDialogOptions): Promise<string | null> => {
    const win = parent()
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }

  return {
    hooks: {
      pickOpenPaths: ({ title, filters, multiple }) => open({ title, filters, properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'] }),
      pickSavePath: async ({ title, suggestedName, filters }) => {
        const path = await save({ title, defaultPath: suggestedName, filters, properties: ['showOverwriteConfirmation', 'createDirectory'] })
        return { path: path && withExtensionOf(path, extname(suggestedName)) }
      },
    },
    pickProjectToOpen: async () => (await open({ title: 'Open project', filters: [PROJECT_FILTER], properties: ['openFile'] }))[0] ?? null,
    pickNewProjectPath: async () => {
      const path = await save({ title: 'New project', defaultPath: `Untitled${PROJECT_EXTENSION}`, filters: [PROJECT_FILTER], properties: ['showOverwriteConfirmation', 'createDirectory'] })
      return path ? withProjectExtension(path) : null
    },
    pickCopyPath: async (projectName) => {
      const path = await save({ title: 'Save a copy as', defaultPath: `${projectName} copy${PROJECT_EXTENSION}`, filters: [PROJECT_FILTER], properties: ['showOverwriteConfirmation', 'createDirectory'] })
      return path ? withProjectExtension(path) : null
    },
    showError: async (title, message) => {
      const win = parent()
      const options = { type: 'error' as const, title, message: title, detail: message, buttons: ['OK'], noLink: true }
      if (win) await dialog.showMessageBox(win, options)
      else await dialog.showMessageBox(options)
    },
    askOpenReadOnly: async (message) => {
      const win = parent()
      const options = {
        type: 'question' as const,
        title: 'Open read-only?',
        message: 'Open read-only?',
        detail: `${message}\n\nRead-only, you can read, search and export it; changes are refused until the other Evident has closed it.`,
        buttons: ['Open Read-Only', 'Cancel'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      }
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
      return response === 0
    },
  }
}
