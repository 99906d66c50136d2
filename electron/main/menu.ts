import type { Menu as MenuClass, MenuItemConstructorOptions } from 'electron'
import type { RecentProject } from '../shared/dto/project'
import { MENU_COMMAND_LABELS, type MenuCommand } from '../shared/events'

export interface MenuActions {
  newProject(): void
  openProject(): void
  openRecent(path: string): void
  saveCopy(): void
  /** Things the UI carries out (import, export...): sent to the renderer as a 'menu.command' event. */
  command(command: MenuCommand): void
}

export interface MenuOptions {
  isMac: boolean
  isDev: boolean
  recent: RecentProject[]
  actions: MenuActions
}

function recentSubmenu(recent: RecentProject[], actions: MenuActions): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent projects', enabled: false }]
  return recent.slice(0, 10).map((project) => ({
    label: project.name,
    sublabel: project.path,
    toolTip: project.path,
    click: () => actions.openRecent(project.path),
  }))
}

export function buildMenuTemplate({ isMac, isDev, recent, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (name: MenuCommand): MenuItemConstructorOptions => ({ label: MENU_COMMAND_LABELS[name], click: () => actions.command(name) })

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newProject() },
      { label: 'Open project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: recentSubmenu(recent, actions) },
      { label: 'Save a copy as…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveCopy() },
      { type: 'separator' },
      command('new-brief'),
      command('import'),
      command('import-address'),
      command('import-zotero'),
      command('export'),
      command('check-sources'),
      { type: 'separator' },
      command('settings'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  }

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('find-in-source'),
      command('find-everywhere'),
    ],
  }

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      command('open-original'),
      command('focus-mode'),
      command('show-claims'),
      command('caret-browsing'),
      { type: 'separator' },
      ...(isDev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }

  // On macOS "About" lives in the app menu; Help keeps only the system's menu search there.
  const help: MenuItemConstructorOptions = { role: 'help', submenu: isMac ? [] : [{ role: 'about', label: 'About Evident' }] }

  const appMenu: MenuItemConstructorOptions = {
    label: 'Evident',
    submenu: [
      { role: 'about', label: 'About Evident' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit', label: 'Quit Evident' },
    ],
  }

  return isMac ? [appMenu, file, edit, view, { role: 'windowMenu' }, help] : [file, edit, view, help]
}

/** Rebuilt whenever the recent list changes: Electron menus are immutable once built. */
export function installMenu(Menu: Pick<typeof MenuClass, 'buildFromTemplate' | 'setApplicationMenu'>, options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}
