import type { EventSink } from './events'
import type { DocumentParser } from '../sources/parse/parser'
import type { PlatformHooks } from './platform'

export interface CoreOptions {
  /** Where the default project and the recent-projects list live (Electron's userData, or a temp dir in tests). */
  userDataDir: string
  /** Folder holding corpus/ (starter texts + sources.json), styles/ and locales/. */
  resourcesDir: string
  /**
   * Who reads imported files. Every door passes a ParserPool (Electron: utilityProcess; browser mode and the
   * CLI: child processes), so untrusted documents are never parsed in the process that holds the project.
   */
  parser: DocumentParser
  /** How this door is named to another Evident that finds the project taken ("Evident in browser mode"). */
  appName?: string
  events?: EventSink
  platform?: PlatformHooks
}
