import type { ProjectInfo } from './dto/project'
import type { ImportProgress, ImportSummary } from './dto/sources'

/** Events the core pushes to whichever door is listening (IPC in Electron, server-sent events in browser mode). */
export interface Events {
  'project.changed': ProjectInfo
  'import.progress': ImportProgress
  'import.done': ImportSummary
  'sources.changed': { reason: 'import' | 'remove' | 'update' }
  'claims.changed': { reason: string }
  /** A menu command from the native menu that the UI carries out (e.g. "import", "export"). */
  'menu.command': { command: MenuCommand }
}

export const MENU_COMMANDS = ['import', 'export', 'new-brief', 'find-in-source', 'find-everywhere', 'open-original'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export type EventName = keyof Events
export const EVENT_NAMES: EventName[] = ['project.changed', 'import.progress', 'import.done', 'sources.changed', 'claims.changed', 'menu.command']
