import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { ProjectInfo } from '../shared/dto/project'
import { hardenWebContents, type GuardDeps } from './security'

/** The renderer is treated as untrusted web content: isolated, sandboxed, no Node, only our preload. */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    navigateOnDragDrop: false,
  }
}

export function windowTitle(project: Pick<ProjectInfo, 'name'> | null): string {
  return project ? `${project.name} — Evident` : 'Evident'
}

export interface WindowDeps extends GuardDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow
  preloadPath: string
  url: string
  title?: string
  icon?: string
}

export function createMainWindow(deps: WindowDeps): BrowserWindow {
  const win = new deps.BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: deps.title ?? 'Evident',
    backgroundColor: '#ffffff',
    ...(deps.icon ? { icon: deps.icon } : {}),
    webPreferences: hardenedWebPreferences(deps.preloadPath),
  })
  hardenWebContents(win.webContents, deps)
  // The window title names the open project; the page's <title> must not replace it.
  win.on('page-title-updated', (event) => event.preventDefault())
  win.once('ready-to-show', () => win.show())
  void win.loadURL(deps.url)
  return win
}

/** Title and, on macOS, the proxy icon follow the open project. */
export function showProject(win: BrowserWindow | null, project: ProjectInfo | null, platform: NodeJS.Platform = process.platform): void {
  if (!win || win.isDestroyed()) return
  win.setTitle(windowTitle(project))
  if (platform === 'darwin') win.setRepresentedFilename(project?.path ?? '')
}
