import { randomBytes } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join } from 'node:path'
import type { PickedFile } from '../../shared/dto/files'
import { AppError } from '../errors'

/** A place to write: where, under what name, and whether the analyst already agreed to replace a file there. */
export interface WriteTarget {
  path: string
  name: string
  overwrite: boolean
  /** Browser mode: the file is written into the transfer folder and handed to the page as a download. */
  download: boolean
}

type Entry = { purpose: 'read'; path: string; name: string } | ({ purpose: 'write'; written: boolean } & WriteTarget)

/** Enough for a 50-file import and many exports in one sitting; the oldest go first past it. */
export const MAX_LIVE_HANDLES = 1_000

const UNKNOWN = 'That file is not one this window was given (or it was given to another Evident). Choose the file again.'

/**
 * The files and places a door's analyst chose, behind opaque handles, so no path ever travels through the
 * window. One table per core (a window, a browser-mode server, a CLI run): a handle minted by one is unknown
 * to every other. A handle has one purpose: a read handle cannot be written, a write handle is used once.
 */
export class FileHandles {
  private readonly entries = new Map<string, Entry>()
  /** Browser mode's uploads and downloads while they exist: this core's own folder, removed on close. */
  private readonly transferDir = join(tmpdir(), `evident-transfer-${process.pid}-${randomBytes(8).toString('hex')}`)

  forReading(path: string, name = basename(path)): PickedFile {
    return { handle: this.mint({ purpose: 'read', path, name }), name }
  }

  forWriting(target: Omit<WriteTarget, 'download'> & { download?: boolean }): PickedFile {
    return { handle: this.mint({ purpose: 'write', written: false, download: false, ...target }), name: target.name }
  }

  /** A fresh file in the transfer folder (an upload to be read, or a download to be written), with name's extension. */
  transferPath(name: string): string {
    mkdirSync(this.transferDir, { recursive: true, mode: 0o700 })
    const extension = extname(name).toLowerCase()
    return join(this.transferDir, randomBytes(16).toString('hex') + (/^\.[a-z0-9]{1,10}$/.test(extension) ? extension : ''))
  }

  /** Whether a path is in this core's transfer folder: an upload's copy, not the analyst's own file. */
  isTransferred(path: string): boolean {
    return dirname(path) === this.transferDir
  }

  /** What a read handle names; a write handle or an unknown one is refused. */
  read(handle: string): { path: string; name: string } {
    const entry = this.entries.get(handle)
    if (!entry) throw new AppError('INVALID_INPUT', UNKNOWN)
    if (entry.purpose !== 'read') throw new AppError('INVALID_INPUT', `“${entry.name}” was chosen as a place to write, not a file to read.`)
    return { path: entry.path, name: entry.name }
  }

  /** Claims a write handle for one write: a second use, a read handle or an unknown one is refused. */
  write(handle: string): WriteTarget {
    const entry = this.entries.get(handle)
    if (!entry) throw new AppError('INVALID_INPUT', UNKNOWN)
    if (entry.purpose !== 'write') throw new AppError('INVALID_INPUT', `“${entry.name}” was chosen as a file to read, not a place to write.`)
    if (entry.written) throw new AppError('INVALID_INPUT', `“${entry.name}” has been written already. Choose where to save again.`)
    entry.written = true
    return { path: entry.path, name: entry.name, overwrite: entry.overwrite, download: entry.download }
  }

  /** A write that failed gives its handle back, so the analyst can try again without choosing again. */
  release(handle: string): void {
    const entry = this.entries.get(handle)
    if (entry?.purpose === 'write') entry.written = false
  }

  /** Browser mode: a download that has been written, taken once (the caller sends the file, then removes it). */
  takeDownload(handle: string): { path: string; name: string } | null {
    const entry = this.entries.get(handle)
    if (entry?.purpose !== 'write' || !entry.download || !entry.written) return null
    this.entries.delete(handle)
    return { path: entry.path, name: entry.name }
  }

  close(): void {
    this.entries.clear()
    rmSync(this.transferDir, { recursive: true, force: true })
  }

  private mint(entry: Entry): string {
    if (this.entries.size >= MAX_LIVE_HANDLES) {
      const [oldest] = this.entries.keys()
      this.entries.delete(oldest!)
    }
    const handle = `fh_${randomBytes(32).toString('base64url')}`
    this.entries.set(handle, entry)
    return handle
  }
}
