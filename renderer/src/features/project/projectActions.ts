import type { EvidentApi } from '../../../../electron/shared/api'
import { PROJECT_EXTENSION } from '../../../../electron/shared/limits'

export type ProjectAction = 'new' | 'open' | 'copy'

export const ACTION_TEXT: Record<ProjectAction, { title: string; action: string; hint: string }> = {
  new: { title: 'New project', action: 'Create project', hint: 'A new, empty project file is created at this path.' },
  open: { title: 'Open project', action: 'Open project', hint: 'The path of an existing .evident project file.' },
  copy: { title: 'Save a copy as', action: 'Save copy', hint: 'A copy of this project is written to this path; you keep working in this one.' },
}

const FILTERS = [{ name: 'Evident projects', extensions: [PROJECT_EXTENSION.slice(1)] }]

export async function openProjectAt(api: EvidentApi, path: string): Promise<void> {
  await api.invoke('project.open', { path })
}

/**
 * New project / Save a copy: the door asks where (the system's save dialog; in browser mode a copy is a
 * download). Returns a message worth telling the analyst, or null (nothing to say, or cancelled).
 */
export async function writeProject(api: EvidentApi, action: 'new' | 'copy', projectName: string): Promise<string | null> {
  const { file } = await api.invoke('files.pickForWriting', {
    title: ACTION_TEXT[action].title,
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
