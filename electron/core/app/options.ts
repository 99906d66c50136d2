import type { EventSink } from './events'
import type { PlatformHooks } from './platform'

export interface CoreOptions {
  /** Where the default project and the recent-projects list live (Electron's userData, or a temp dir in tests). */
  userDataDir: string
  /** Folder holding corpus/ (starter texts + sources.json), styles/ and locales/. */
  resourcesDir: string
  events?: EventSink
  platform?: PlatformHooks
}
