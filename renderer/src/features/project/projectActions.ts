import type { FileFilter } from '../../../../electron/shared/dto/project'
import { PROJECT_EXTENSION } from '../../../../electron/shared/limits'
import type { EvidentApi } from '../../../../electron/shared/api'

export type ProjectAction = 'new' | 'open' | 'copy'

const FILTERS: FileFilter[] = [{ name: 'Evident projects', extensions: [PROJECT_EXTENSION.slice(1)] }]

export const ACTION_TEXT: Record<ProjectAction, { title: string; action: string; hint: string }> = {
  new: { title: 'New project', action: 'Create project', hint: 'A new, empty project file is created at this path.' },
  open: { title: 'Open project', action: 'Open project', hint: 'The path of an existing .evident project file.' },
  copy: { title: 'Save a copy as', action: 'Save copy', hint: 'A copy of this project is written to this path; you keep working in this one.' },
}

/** Asks the native dialog for a path; null when the door has none (browser mode), '' when cancelled. */
export async function pickPath(api: EvidentApi, action: ProjectAction, projectName: string): Promise<string | null> {
  const title = ACTION_TEXT[action].title
  const picked =
    action === 'open'
      ? await api.invoke('platform.pickOpenPaths', { title, filters: FILTERS, multiple: false })
      : await api.invoke('platform.pickSavePath', {
          title,
          defaultName: (action === 'copy' ? `${projectName} copy` : 'Untitled') + PROJECT_EXTENSION,
          filters: FILTERS,
        })
  if (!picked.supported) return null
  return picked.paths[0] ?? ''
}

/** Carries out the action; returns a message to show when it is worth telling the analyst. */
export async function runProjectAction(api: EvidentApi, action: ProjectAction, path: string): Promise<string | null> {
  if (action === 'new') {
    await api.invoke('project.create', { path, starter: false })
    return null
  }
  if (action === 'open') {
    await api.invoke('project.open', { path })
    return null
  }
  const saved = await api.invoke('project.saveCopy', { path })
  return `Saved a copy to ${saved.path}`
}
