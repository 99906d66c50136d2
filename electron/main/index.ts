import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, utilityProcess } from 'electron'
import { createCore } from '../core/app/core'
import { AppError, isAppError, toErrorPayload } from '../core/errors'
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, createTrustedUrlCheck, devContentSecurityPolicy } from './constants'
import { installContextMenu } from './context-menu'
import { createDialogs } from './dialogs'
import { forwardEvents, registerIpc } from './ipc'
import { utilityParserPool } from './parser-process'
import { installMenu, type MenuActions } from './menu'
import { registerAppScheme, serveAppProtocol } from './protocol'
import { hardenSession, installAppGuards } from './security'
import { claimSingleInstance, type OpenRequests } from './single-instance'
import { createMainWindow, showProject, windowTitle } from './window'

const isMac = process.platform === 'darwin'

// Both must happen before 'ready': privileged schemes cannot be registered later, and a second launch
// should hand its file to the first one before doing any work.
registerAppScheme(protocol)
const requests = claimSingleInstance(app, process.argv, process.cwd())
if (!requests) app.quit()
else start(requests).catch(fail)

function fail(error: unknown): void {
  console.error('[evident] startup failed:', error)
  dialog.showErrorBox('Evident could not start', toErrorPayload(error).message)
  app.exit(1)
}

async function start(requests: OpenRequests): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const isTrustedUrl = createTrustedUrlCheck(devServerUrl)
  const guards = { isTrustedUrl, openExternal: (url: string) => shell.openExternal(url) }
  installAppGuards(app, guards)
  await app.whenReady()

  const appDir = app.getAppPath()
  hardenSession(session.defaultSession, devServerUrl ? devContentSecurityPolicy(devServerUrl) : CONTENT_SECURITY_POLICY)
  serveAppProtocol(protocol, join(appDir, 'out', 'renderer'))

  let win: BrowserWindow | null = null
  const dialogs = createDialogs(dialog, () => win)
  const core = await createCore({
    userDataDir: app.getPath('userData'),
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(appDir, 'resources'),
    platform: dialogs.hooks,
    appName: 'the Evident window',
    parser: utilityParserPool((...args) => utilityProcess.fork(...args), join(appDir, 'out', 'main', 'parser.js')),
  })
  registerIpc({ ipcMain, handlers: core.handlers, files: core.files, getWindow: () => win, isTrustedUrl })
  forwardEvents(core.events, () => win, isTrustedUrl)

  const ensureWindow = (): BrowserWindow => {
    if (win && !win.isDestroyed()) return win
    const created = createMainWindow({
      BrowserWindow,
      preloadPath: join(appDir, 'out', 'preload', 'index.cjs'),
      url: devServerUrl ?? APP_ENTRY_URL,
      title: windowTitle(core.currentProject()),
      ...guards,
    })
    installContextMenu(created.webContents, Menu)
    created.on('closed', () => {
      if (win === created) win = null
    })
    win = created
    return created
  }

  // 'project.changed' also fires for every import or brief change: the title follows each time, but the
  // menu (rebuilding it closes an open one on Linux) only when another project has been opened.
  let menuFor: string | null | undefined
  const refresh = (force = false): void => {
    const project = core.currentProject()
    showProject(win, project)
    const path = project?.path ?? null
    if (path === menuFor && !force) return
    menuFor = path
    if (path) app.addRecentDocument(path)
    installMenu(Menu, { isMac, isDev: Boolean(devServerUrl), recent: core.recentProjects(), actions })
  }

  // Menu actions never throw: a failure becomes a message box and the project that was open stays open.
  const run = (title: string, action: () => Promise<unknown>): void => {
    action()
      .then(() => refresh(true))
      .catch(async (error: unknown) => {
        if (!isAppError(error)) console.error(`[evident] ${title}:`, error)
        await dialogs.showError(title, toErrorPayload(error).message)
      })
  }
  // A project another Evident is writing: offered read-only rather than only refused.
  const openPath = async (path: string): Promise<void> => {
    try {
      await core.openProject(path)
    } catch (error) {
      if (!isAppError(error) || error.code !== 'IN_USE') throw error
      // Cancel: the analyst has read why and chose not to; the project that was open stays open.
      if (!(await dialogs.askOpenReadOnly(error.message))) return
      await core.openProject(path, true)
    }
    ensureWindow()
  }

  const actions: MenuActions = {
    newProject: () =>
      run('Could not create the project', async () => {
        const path = await dialogs.pickNewProjectPath()
        if (!path) return
        await core.createProject(path, false)
        ensureWindow()
      }),
    openProject: () =>
      run('Could not open the project', async () => {
        const path = await dialogs.pickProjectToOpen()
        if (path) await openPath(path)
      }),
    openRecent: (path) => run('Could not open the project', () => openPath(path)),
    saveCopy: () =>
      run('Could not save a copy', async () => {
        const project = core.currentProject()
        if (!project) throw new AppError('NO_PROJECT', 'Open a project first, then save a copy of it.')
        const path = await dialogs.pickCopyPath(project.name)
        if (path) await core.saveCopy(path)
      }),
    command: (command) => {
      ensureWindow()
      core.events.emit('menu.command', { command })
    },
  }

  core.events.subscribe((event) => {
    if (event === 'project.changed') refresh()
  })

  // A project named on the command line (or double-clicked) that cannot be opened must not stop the app:
  // the default project opens instead and the analyst is told why.
  let initialError: unknown = null
  try {
    await core.openInitialProject(requests.initialPath() ?? undefined)
  } catch (error) {
    initialError = error
    await core.openInitialProject()
  }
  ensureWindow()
  refresh()
  if (initialError) void dialogs.showError('Could not open the project', toErrorPayload(initialError).message)
  else if (core.currentProject()?.readOnly) void dialogs.showError('Opened read-only', core.currentProject()!.readOnly!.reason)

  requests.listen((path) => {
    const target = ensureWindow()
    if (target.isMinimized()) target.restore()
    target.focus()
    if (path) actions.openRecent(path)
  })

  app.on('window-all-closed', () => {
    if (!isMac) app.quit()
  })
  app.on('activate', () => ensureWindow())
  app.on('will-quit', () => core.close())
}
