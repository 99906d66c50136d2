import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Bodies at least this large are followed by a collection (an import of a large file, say). */
export const LARGE_BODY_BYTES = 16 * 1024 * 1024

let collect: (() => void) | null | undefined

/**
 * After a very large request the body, its text and its parsed copy are garbage, but V8 has no reason to
 * collect soon in a server that then sits idle: the process stayed some 400 MB bigger after one 100 MB
 * request. A full collection once the answer has gone gives that memory back to the system.
 */
export function collectGarbageSoon(): void {
  if (collect === undefined) {
    try {
      // V8 exposes gc() to contexts made after the flag is set; this is the documented way to reach it at run time.
      setFlagsFromString('--expose-gc')
      collect = runInNewContext('gc') as () => void
    } catch {
      collect = null
    }
  }
  const gc = collect
  // Twice: buffers' backing memory is released by callbacks that the first collection only schedules.
  if (gc) for (const delay of [0, 300]) setTimeout(() => gc(), delay).unref()
}
