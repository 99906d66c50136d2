import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))

import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu'

function actions() {
  return { newProject: vi.fn(), openProject: vi.fn(), openRecent: vi.fn(), saveCopy: vi.fn(), command: vi.fn() } satisfies MenuActions
}

function items(template: MenuItemConstructorOptions[], menu: string): MenuItemConstructorOptions[] {
  const found = template.find((m) => m.label === menu || (menu === 'Help' && m.role === 'help'))
  return (found?.submenu ?? []) as MenuItemConstructorOptions[]
}

function click(item: MenuItemConstructorOptions | undefined) {
  ;(item?.click as unknown as () => void)()
}

const recent = [{ path: '/p/GP integration.evident', name: 'GP integration', openedAt: '2026-01-01T00:00:00Z' }]

describe('the application menu', () => {
  it('has File, Edit, View and Help, with an app menu on macOS only', () => {
    const a = actions()
    expect(buildMenuTemplate({ isMac: false, isDev: false, recent, actions: a }).map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help'])
    expect(buildMenuTemplate({ isMac: true, isDev: false, recent, actions: a }).map((m) => m.label ?? m.role)).toEqual(['Evident', 'File', 'Edit', 'View', 'windowMenu', 'help'])
  })

  it('File offers the project actions, recent projects, import, export and quit', () => {
    const a = actions()
    const file = items(buildMenuTemplate({ isMac: false, isDev: false, recent, actions: a }), 'File')
    const byLabel = (label: string) => file.find((i) => i.label === label)
    for (const label of ['New project…', 'Open project…', 'Open Recent', 'Save a copy as…', 'Import…', 'Export to Word…']) expect(byLabel(label), label).toBeDefined()
    expect(file.some((i) => i.role === 'quit')).toBe(true)

    click(byLabel('New project…'))
    click(byLabel('Open project…'))
    click(byLabel('Save a copy as…'))
    expect(a.newProject).toHaveBeenCalled()
    expect(a.openProject).toHaveBeenCalled()
    expect(a.saveCopy).toHaveBeenCalled()

    click(byLabel('Import…'))
    click(byLabel('Export to Word…'))
    expect(a.command.mock.calls).toEqual([['import'], ['export']])

    const recentItems = byLabel('Open Recent')!.submenu as MenuItemConstructorOptions[]
    expect(recentItems.map((i) => i.label)).toEqual(['GP integration'])
    click(recentItems[0])
    expect(a.openRecent).toHaveBeenCalledWith('/p/GP integration.evident')
  })

  it('says so when there are no recent projects', () => {
    const file = items(buildMenuTemplate({ isMac: false, isDev: false, recent: [], actions: actions() }), 'File')
    const recentItems = file.find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[]
    expect(recentItems).toEqual([{ label: 'No recent projects', enabled: false }])
  })

  it('Edit uses the standard roles', () => {
    const edit = items(buildMenuTemplate({ isMac: false, isDev: false, recent, actions: actions() }), 'Edit')
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'])
  })

  it('offers reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => items(buildMenuTemplate({ isMac: false, isDev, recent, actions: actions() }), 'View').map((i) => i.role)
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
  })
})

describe('the right-click menu', () => {
  it('offers spelling suggestions for a misspelt word in an editable field', async () => {
    const { buildContextMenuTemplate } = await import('../../electron/main/context-menu')
    const contents = { replaceMisspelling: vi.fn(), session: { addWordToSpellCheckerDictionary: vi.fn() } }
    const template = buildContextMenuTemplate(
      { misspelledWord: 'goverment', dictionarySuggestions: ['government'], isEditable: true, selectionText: '' },
      contents as never,
    )
    click(template[0])
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('government')
    click(template.find((i) => i.label === 'Add to dictionary'))
    expect(contents.session.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('goverment')
    expect(template.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
    expect(buildContextMenuTemplate({ misspelledWord: '', dictionarySuggestions: [], isEditable: false, selectionText: '' }, contents as never)).toEqual([])
  })
})
