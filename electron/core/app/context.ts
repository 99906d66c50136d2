import { AppError } from '../errors'
import type { ProjectSession } from '../project/session'
import type { DocumentParser } from '../sources/parse/parser'
import { RecentProjects } from '../project/recent'
import { AppSettingsStore } from '../project/settings'
import { TempJournal } from '../export/temp-journal'
import { EventHub } from './events'
import { FileHandles } from './file-handles'
import type { CoreOptions } from './options'
import { noNativeDialogs, type PlatformHooks } from './platform'

/** What every handler may use: the open project, the event hub, and the door's native abilities. */
export class CoreContext {
  readonly events = new EventHub()
  /** The files and places this door's analyst chose, behind handles (no path reaches the window). */
  readonly files = new FileHandles()
  readonly platform: PlatformHooks
  readonly recent: RecentProjects
  readonly settings: AppSettingsStore
  readonly tempJournal: TempJournal
  private current: ProjectSession | null = null

  constructor(readonly options: CoreOptions) {
    this.platform = options.platform ?? noNativeDialogs
    this.recent = new RecentProjects(options.userDataDir)
    this.settings = new AppSettingsStore(options.userDataDir)
    this.tempJournal = new TempJournal(options.userDataDir)
    if (options.events) {
      const sink = options.events
      this.events.subscribe((event, payload) => sink.emit(event, payload))
    }
  }

  session(): ProjectSession {
    if (!this.current) throw new AppError('NO_PROJECT', 'No project is open. Open or create a project first.')
    return this.current
  }

  hasSession(): boolean {
    return this.current !== null
  }

  /** Makes a successfully opened session current; the previous one is closed only now. */
  switchTo(next: ProjectSession): void {
    const previous = this.current
    this.current = next
    if (previous && previous !== next) previous.close()
    this.recent.add(next.path)
    this.events.emit('project.changed', next.info())
  }

  get parser(): DocumentParser {
    return this.options.parser
  }

  close(): void {
    this.files.close()
    this.current?.close()
    this.current = null
    void this.options.parser.close()
  }
}
