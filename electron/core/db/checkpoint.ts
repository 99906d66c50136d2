import type Database from 'better-sqlite3'
import { column } from './statement'

/**
 * Recent changes live in the -wal file until a checkpoint copies them into the .evident file. Watching the
 * connection's change count, this checkpoints once the project has gone unchanged for a few seconds, so a
 * .evident copied, synced or mailed while Evident is open holds everything the window says is saved.
 */
export class IdleCheckpointer {
  private readonly timer: NodeJS.Timeout
  private seen: number
  private changedAt = 0
  private dirty = false

  constructor(
    private readonly db: Database.Database,
    private readonly idleMs: number,
  ) {
    this.seen = this.changes()
    this.timer = setInterval(() => this.tick(), Math.max(50, Math.min(1_000, idleMs / 3)))
    this.timer.unref()
  }

  private changes(): number {
    return column<number>(this.db, 'SELECT total_changes()').get()!
  }

  private tick(): void {
    if (!this.db.open) return this.stop()
    const now = this.changes()
    if (now !== this.seen) {
      this.seen = now
      this.changedAt = Date.now()
      this.dirty = true
    } else if (this.dirty && Date.now() - this.changedAt >= this.idleMs) {
      this.checkpoint()
    }
  }

  checkpoint(): void {
    if (!this.db.open) return
    try {
      // TRUNCATE also empties the -wal file, so a copy of the folder carries no stale journal either.
      this.db.pragma('wal_checkpoint(TRUNCATE)')
      this.dirty = false
    } catch {
      // Busy (another reader mid-transaction): the next idle tick tries again.
    }
  }

  stop(): void {
    clearInterval(this.timer)
  }
}
