import type { ContextMenuParams, Menu as MenuClass, MenuItemConstructorOptions, WebContents } from 'electron'

type Contents = Pick<WebContents, 'replaceMisspelling' | 'session'>

/** Spelling suggestions and clipboard items; the page's own context menus (claims, sources) prevent this one. */
export function buildContextMenuTemplate(params: Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'selectionText'>, contents: Contents): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = []
  if (params.misspelledWord) {
    for (const suggestion of params.dictionarySuggestions.slice(0, 5)) {
      items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) })
    }
    if (params.dictionarySuggestions.length === 0) items.push({ label: 'No suggestions', enabled: false })
    items.push({ label: 'Add to dictionary', click: () => contents.session.addWordToSpellCheckerDictionary(params.misspelledWord) })
    items.push({ type: 'separator' })
  }
  if (params.isEditable) items.push({ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' })
  else if (params.selectionText.trim()) items.push({ role: 'copy' })
  return items
}

export function installContextMenu(contents: WebContents, Menu: Pick<typeof MenuClass, 'buildFromTemplate'>): void {
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, contents)
    if (template.length > 0) Menu.buildFromTemplate(template).popup()
  })
}
