import { AppError } from '../../errors'
import { megabytes } from '../extract'

/** A process that ends before it is ready is not the file's fault: the reader itself is missing or broken. */
export function couldNotStart(stderr: string): AppError {
  const said = stderr.trim().split('\n').at(-1)?.slice(0, 300)
  return new AppError(
    'INTERNAL',
    `Evident’s document reader could not start${said ? ` (${said})` : ''}. Rebuild Evident (npm run build) or reinstall it.`,
  )
}

export function cancelled(fileName: string): AppError {
  return new AppError('CANCELLED', `The import of “${fileName}” was cancelled.`)
}

/** What a reader was doing: reading a document (or part of one), laying one out for the Original view, or drawing an SVG figure. */
export type ReaderWork = 'document' | 'pages' | 'render' | 'rasterise'

export interface ReaderEnd {
  fileName: string
  kind: ReaderWork
  /** Why the pool stopped it, or 'memory' when it said (or V8 said) it went past its ceiling. */
  stoppedFor?: 'time' | 'cancel' | 'memory'
  limitMs: number
  maxRssBytes?: number
  code: number | null
  signal: string | null
}

/** What the analyst has not lost: an import, a layout and a figure each fail only themselves. */
function whatIsLeft(kind: ReaderWork): string {
  if (kind === 'render') return 'Its clean text is unaffected'
  if (kind === 'rasterise') return 'Nothing was inserted'
  return 'Nothing was imported from it'
}

/** The message for a reader that ended before answering: the file's own, by why it ended. */
export function whyItEnded(end: ReaderEnd): AppError {
  const { fileName: name, kind } = end
  const lost = `${whatIsLeft(kind)}.`
  if (end.stoppedFor === 'cancel') return cancelled(name)
  if (end.stoppedFor === 'time') {
    const seconds = Math.round(end.limitMs / 1000)
    return new AppError('TIMED_OUT', `“${name}” took longer than it may to read (${seconds} s) and was stopped: it may be damaged or built to stall a reader. ${lost}`)
  }
  if (end.stoppedFor === 'memory') {
    const ceiling = end.maxRssBytes ? ` (${megabytes(end.maxRssBytes)})` : ''
    return new AppError('OUT_OF_MEMORY', `“${name}” needed more memory than allowed${ceiling} to read and was stopped: it may be damaged or built to exhaust a reader. ${lost}`)
  }
  const how = end.signal ? `was ended (${end.signal})` : `stopped (exit code ${end.code ?? 'unknown'})`
  return new AppError('CORRUPT_FILE', `The document reader ${how} while reading “${name}”: the file may be damaged. ${whatIsLeft(kind)}; the next file gets a new reader.`)
}
