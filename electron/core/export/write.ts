import { randomBytes } from 'node:crypto'
import { open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { AppError } from '../errors'
import type { TempJournal } from './temp-journal'

type WriteStage = 'folder' | 'temp' | 'rename'

/** Plain-English messages for what the file system says; the analyst chose this path, so naming it is fine. */
export function describeWriteError(error: unknown, target: string, stage: WriteStage): AppError {
  const code = (error as NodeJS.ErrnoException)?.code
  const name = `“${basename(target)}”`
  const folder = `“${dirname(target)}”`
  switch (code) {
    case 'ENOENT':
      return new AppError('NOT_FOUND', `${name} could not be saved: the folder ${folder} does not exist.`, { cause: error })
    case 'ENOTDIR':
      return new AppError('NOT_FOUND', `${name} could not be saved: ${folder} is not a folder.`, { cause: error })
    case 'EISDIR':
      return new AppError('INVALID_INPUT', `${name} is a folder: choose a file name for the Word document.`, { cause: error })
    case 'EBUSY':
    case 'ETXTBSY':
      return new AppError('IO_ERROR', `${name} is open in another program (close it in Word and try again).`, { cause: error })
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      // Windows refuses to replace a file Word holds open with EPERM/EACCES at the rename: say the useful thing.
      if (stage === 'rename' && process.platform === 'win32') {
        return new AppError('IO_ERROR', `${name} is open in another program (close it in Word and try again).`, { cause: error })
      }
      return new AppError('IO_ERROR', `${name} could not be saved in ${folder}: you do not have permission to write there.`, { cause: error })
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('IO_ERROR', `${name} could not be saved: the disk is full.`, { cause: error })
    default:
      return new AppError('IO_ERROR', `${name} could not be saved in ${folder} (${code ?? 'unknown error'}).`, { cause: error })
  }
}

export interface TargetOptions {
  /** Replace a file that is already there; without it an existing file is refused (CONFLICT), never replaced silently. */
  overwrite?: boolean
}

export interface WriteOptions extends TargetOptions {
  /** Lists the temporary file while it exists, so a killed export's leftovers go at the next start. */
  journal?: TempJournal
}

/**
 * A short name, whatever the target's: a name the file system allows (up to 255 bytes) must still leave room
 * for the temporary file beside it, which was the target's name plus 18 bytes and failed from 237.
 */
export function tempFileName(): string {
  return `.evident-export-${randomBytes(6).toString('hex')}.tmp`
}

/** Checks the destination before any work is done, so a wrong path fails in a second, not after building. */
export async function checkTarget(target: string, options: TargetOptions = {}): Promise<void> {
  const path = resolve(target)
  try {
    const folder = await stat(dirname(path))
    if (!folder.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
  } catch (error) {
    throw describeWriteError(error, path, 'folder')
  }
  const existing = await stat(path).catch(() => null)
  if (existing?.isDirectory()) throw describeWriteError(Object.assign(new Error('is a directory'), { code: 'EISDIR' }), path, 'folder')
  if (existing && !options.overwrite) {
    // Each door says how to go on: the dialog offers Replace, the CLI names --overwrite.
    throw new AppError('CONFLICT', `“${basename(path)}” already exists in “${dirname(path)}”.`)
  }
}

/**
 * Writes all of `data` or nothing: a hidden temporary file in the same folder (so the rename stays on one file
 * system and is atomic), flushed to disk, then renamed over the target. Any failure removes the temporary
 * file and leaves an existing target exactly as it was.
 */
export async function writeFileAtomic(target: string, data: Uint8Array, options: WriteOptions = {}): Promise<void> {
  const path = resolve(target)
  await checkTarget(path, options)
  const temp = join(dirname(path), tempFileName())
  let stage: WriteStage = 'temp'
  options.journal?.add(temp)
  try {
    const handle = await open(temp, 'wx', 0o644)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    stage = 'rename'
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw describeWriteError(error, path, stage)
  } finally {
    options.journal?.remove(temp)
  }
}
