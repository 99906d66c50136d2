import type { EvidentApi } from '@shared/api'
import { PROJECT_EXTENSION } from '@shared/limits'

export type ProjectAction = 'new' | 'open' | 'copy'

const TITLES: Record<ProjectAction, string> = { new: 'New project', open: 'Open project', copy: 'Save a copy as' }

const FILTERS = [{ name: 'Evident projects', extensions: [PROJECT_EXTENSION.slice(1)] }]

/**
 * Open project: the door asks which file (the system's open dialog; in browser mode the page's file chooser,
 * whose upload the core refuses with how to open a project there). Returns the chosen file's handle, or null.
 */
export async function chooseProject(api: EvidentApi): Promise<string | null> {
  const { files } = await api.invoke('files.pickForReading', { title: TITLES.open, filters: FILTERS, multiple: false })
  return files[0]?.handle ?? null
}

/**
 * New project / Save a copy: the door asks where (the system's save dialog; in browser mode a copy is a
 * download). Returns a message worth telling the analyst, or null (nothing to say, or cancelled).
 */
export async function writeProject(api: EvidentApi, action: 'new' | 'copy', projectName: string): Promise<string | null> {
  const { file } = await api.invoke('files.pickForWriting', {
    title: TITLES[action],
    suggestedName: (action === 'copy' ? `${projectName} copy` : 'Untitled') + PROJECT_EXTENSION,
    filters: FILTERS,
  })
  if (!file) return null
  if (action === 'new') {
    await api.invoke('project.create', { file: file.handle, starter: false })
    return null
  }
  const saved = await api.invoke('project.saveCopy', { file: file.handle })
  return `Saved a copy as ${saved.name}`
}
