import type { IncomingMessage } from 'node:http'
import { AppError } from '../core/errors'

const MB = 1024 * 1024

/**
 * Reads the request body up to `limit` bytes. Past the limit it stops reading and refuses, so an
 * oversized upload never sits in memory whole.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => new AppError('FILE_TOO_LARGE', `The request is larger than ${Math.round(limit / MB)} MB, so it was refused.`)
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    // With a declared length the body goes straight into one buffer of that size, so no chunk is kept and
    // no second whole copy is made (a 100 MB upload peaks at 100 MB here, not 200).
    const sized = Number.isFinite(declared) && declared >= 0 ? Buffer.allocUnsafe(declared) : null
    const chunks: Buffer[] = []
    let total = 0
    let done = false
    const finish = (error: Error | null) => {
      if (done) return
      done = true
      req.off('data', onData)
      if (error) {
        req.pause()
        reject(error)
      } else if (sized && total !== sized.length) {
        reject(new AppError('INVALID_INPUT', 'The request ended before the length it declared.'))
      } else resolve(sized ?? Buffer.concat(chunks, total))
    }
    const onData = (chunk: Buffer) => {
      if (sized && total + chunk.length > sized.length) return finish(new AppError('INVALID_INPUT', 'The request is longer than the length it declared.'))
      if (sized) chunk.copy(sized, total)
      total += chunk.length
      if (total > limit) finish(tooLarge())
      else if (!sized) chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => finish(null))
    req.on('error', () => finish(new AppError('IO_ERROR', 'The request was interrupted before it arrived.')))
  })
}
