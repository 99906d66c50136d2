import type { BriefSummary } from '@shared/dto/briefs'
import { toEvidentError } from '../../../api/errors'

export type SaveStatus =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'saving' }
  | { kind: 'retrying'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'read-only'; message: string }

export interface AutosaverDeps {
  /** The brief's JSON text as it is now (read lazily, so a burst of keystrokes serialises once). */
  read(): string
  /**
   * The JSON text of the brief as it was opened, asked for only when the first save needs it (so opening a
   * long brief does not pay for serialising it); a save identical to it is skipped.
   */
  opened(): string
  save(content: string, baseRevision: number): Promise<BriefSummary>
  onStatus(status: SaveStatus): void
  onSaved(summary: BriefSummary): void
}

/** Well inside the one second an analyst may lose when the app dies. */
export const SAVE_DEBOUNCE_MS = 600
/** Someone typing without a pause still gets saved: the oldest unsaved change waits at most this long. */
export const SAVE_MAX_WAIT_MS = 900
const RETRY_MS = 2_000
/** The User Timing entry each save leaves (its synchronous, main-thread part). */
export const AUTOSAVE_MEASURE = 'evident:autosave'

/** Records the save's share of the main thread (serialising and handing the text over), for the benchmark. */
function measureSave(started: number): void {
  try {
    performance.measure(AUTOSAVE_MEASURE, { start: started })
  } catch {
    // A runtime without User Timing level 3 still saves; only the figure is missing.
  }
}

/**
 * Saves a brief shortly after every change, one request at a time, always against the revision the last
 * save returned (so a second window's edits are refused, not silently overwritten). A failed save keeps the
 * change pending and retries; nothing the analyst typed is dropped.
 */
export class Autosaver {
  private timer: ReturnType<typeof setTimeout> | undefined
  private running: Promise<void> | null = null
  private dirty = false
  private again = false
  private stopped = false
  private lastJson: string | null = null
  private pendingSince: number | null = null

  constructor(
    private readonly deps: AutosaverDeps,
    private baseRevision: number,
  ) {}

  /** Another action (rename, restore) moved the brief's revision on: the next save builds on that. */
  setBaseRevision(revision: number): void {
    this.baseRevision = revision
  }

  change(): void {
    if (this.stopped) return
    // No "unsaved" status here: Lexical also reports updates that change nothing (transforms registering,
    // decorators re-rendering); the status changes only when a save with real changes starts.
    this.dirty = true
    const now = Date.now()
    this.pendingSince ??= now
    const wait = Math.max(0, Math.min(SAVE_DEBOUNCE_MS, this.pendingSince + SAVE_MAX_WAIT_MS - now))
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), wait)
  }

  hasPending(): boolean {
    return this.dirty || this.running !== null
  }

  /** Saves now if anything is pending; resolves when what was pending at the call is stored (or failed). */
  flush(): Promise<void> {
    clearTimeout(this.timer)
    if (this.running) {
      this.again = this.again || this.dirty
      return this.running
    }
    if (!this.dirty || this.stopped) return Promise.resolve()
    this.running = this.run().finally(() => {
      this.running = null
      if (this.again) {
        this.again = false
        void this.flush()
      }
    })
    return this.running
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
  }

  private async run(): Promise<void> {
    this.dirty = false
    this.pendingSince = null
    const started = performance.now()
    this.lastJson ??= this.deps.opened()
    const json = this.deps.read()
    if (json === this.lastJson) return
    this.deps.onStatus({ kind: 'saving' })
    try {
      const saving = this.deps.save(json, this.baseRevision)
      measureSave(started)
      const summary = await saving
      this.baseRevision = summary.revision
      this.lastJson = json
      this.deps.onSaved(summary)
      this.deps.onStatus({ kind: 'saved', at: new Date() })
    } catch (error) {
      const e = toEvidentError(error)
      if (e.code === 'CONFLICT' || e.code === 'NOT_FOUND' || e.code === 'READ_ONLY') {
        // Retrying cannot help: saving again would overwrite someone else's work (or nothing is there, or the
        // project was reopened read-only while this save was on its way, which is not a conflict).
        this.stopped = true
        this.deps.onStatus({ kind: e.code === 'READ_ONLY' ? 'read-only' : 'conflict', message: e.message })
        return
      }
      this.dirty = true
      this.deps.onStatus({ kind: 'retrying', message: e.message })
      clearTimeout(this.timer)
      this.timer = setTimeout(() => void this.flush(), RETRY_MS)
    }
  }
}
