import type { ProjectInfo } from './dto/project'
import type { ImportProgress, ImportSummary } from './dto/sources'
import { listOfEvery } from './exact'

/** Events the core pushes to whichever door is listening (IPC in Electron, server-sent events in browser mode). */
export interface Events {
  'project.changed': ProjectInfo
  'import.progress': ImportProgress
  'import.done': ImportSummary
  'sources.changed': { reason: 'import' | 'remove' | 'update' | 'restore' }
  /** Something went into the Trash, came back, or was deleted forever. */
  'trash.changed': { count: number }
  'claims.changed': { reason: string }
  /** A menu command from the native menu that the UI carries out (e.g. "import", "export"). */
  'menu.command': { command: MenuCommand }
}

export const MENU_COMMANDS = ['import', 'import-address', 'import-zotero', 'export', 'new-brief', 'find-in-source', 'find-everywhere', 'open-original', 'focus-mode', 'show-claims', 'caret-browsing', 'check-sources', 'settings'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

/** Each command's name, the same in the native menu and in the renderer's command registry (renderer/src/shell/commands.ts). */
export const MENU_COMMAND_LABELS: Record<MenuCommand, string> = {
  import: 'Import…',
  'import-address': 'Import from address…',
  'import-zotero': 'Add from Zotero…',
  export: 'Export to Word…',
  'new-brief': 'New brief',
  'find-in-source': 'Find in source',
  'find-everywhere': 'Find everywhere',
  'open-original': 'Open original file',
  'focus-mode': 'Focus on the brief',
  'show-claims': 'Show claims',
  'caret-browsing': 'Caret browsing',
  'check-sources': 'Check sources…',
  settings: 'Settings…',
}

export type EventName = keyof Events

/**
 * The events the preload forwards, as plain strings (Events is a type, gone at run time). `listOfEvery`
 * fails the build if this list and the Events map drift apart, as METHOD_NAME_LIST's does for methods:
 * an event missing here would reach the page in browser mode and never in the Electron window.
 * tests/preload/preload.test.ts proves each is listed once and forwarded.
 */
export const EVENT_NAMES = listOfEvery<EventName>()([
  'project.changed',
  'import.progress',
  'import.done',
  'sources.changed',
  'claims.changed',
  'trash.changed',
  'menu.command',
])
