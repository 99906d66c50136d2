import type { EvidentApi } from '../../../../electron/shared/api'

export type ProjectAction = 'new' | 'open' | 'copy'

export const ACTION_TEXT: Record<ProjectAction, { title: string; action: string; hint: string }> = {
  new: { title: 'New project', action: 'Create project', hint: 'A new, empty project file is created at this path.' },
  open: { title: 'Open project', action: 'Open project', hint: 'The path of an existing .evident project file.' },
  copy: { title: 'Save a copy as', action: 'Save copy', hint: 'A copy of this project is written to this path; you keep working in this one.' },
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
