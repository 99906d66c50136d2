import { createReadStream, createWriteStream, rmSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { FileHandles } from '../core/app/file-handles'
import { name as nameSchema } from '../shared/contract/common'
import { MAX_IMPORT_FILE_BYTES } from '../shared/limits'
import { errorPayload, sendError, sendJson } from './respond'

const MB = 1024 * 1024

/**
 * Browser mode's half of files.pickForReading: the page sends the bytes of a file the analyst chose or
 * dropped (POST /api/files?name=…, the raw file as the body) and gets a read handle back. The body goes
 * straight to a file of this core's own, counted against the limit as it arrives, never held in memory.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, files: FileHandles, query: URLSearchParams, limit = MAX_IMPORT_FILE_BYTES): Promise<void> {
  const named = nameSchema.safeParse(query.get('name') ?? '')
  if (!named.success) return refuse(req, res, 400, errorPayload('INVALID_INPUT', 'An upload needs the file’s name (?name=…), of at most 200 characters.'))
  const name = named.data
  const tooLarge = errorPayload('FILE_TOO_LARGE', `“${name}” is larger than ${limit / MB} MB, so it was not uploaded.`)
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) return refuse(req, res, 413, tooLarge)

  const path = files.transferPath(name)
  let received = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length
      done(received > limit ? Object.assign(new Error('too large'), { tooLarge: true }) : null, chunk)
    },
  })
  try {
    await pipeline(req, counter, createWriteStream(path, { flags: 'wx', mode: 0o600 }))
  } catch (error) {
    rmSync(path, { force: true })
    if ((error as { tooLarge?: boolean }).tooLarge) return refuse(req, res, 413, tooLarge)
    return refuse(req, res, 400, errorPayload('IO_ERROR', `“${name}” did not arrive whole. Try again.`))
  }
  sendJson(res, 200, { ok: true, value: files.forReading(path, name) })
}

/**
 * Browser mode's half of files.pickForWriting: what an export wrote for a download handle is sent once, as an
 * attachment under the name the analyst knows, and then removed.
 */
export async function handleDownload(res: ServerResponse, files: FileHandles, handle: string): Promise<void> {
  const file = files.takeDownload(decodeURIComponent(handle))
  if (!file) return sendError(res, 404, errorPayload('NOT_FOUND', 'There is no download here: each one is given once, after it has been written.'))
  const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'Cache-Control': 'no-store',
  })
  try {
    await pipeline(createReadStream(file.path), res)
  } finally {
    rmSync(file.path, { force: true })
  }
}

/** Answered without reading the rest: the connection is closed rather than kept for a body nobody wants. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: ReturnType<typeof errorPayload>): void {
  res.setHeader('Connection', 'close')
  sendError(res, status, error)
  req.unpipe()
  req.resume()
}
