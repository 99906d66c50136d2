import type { EvidentApi } from '@shared/api'
import type { Args, MethodName, Result } from '@shared/contract/index'
import { isErrorPayload } from '@shared/errors'
import type { EventName, Events } from '@shared/events'
import type { PickedFile } from '@shared/dto/files'
import { EvidentError } from './errors'
import { chooseInPage, download, upload } from './http-files'
import { invokeRequestInit, type InvokeReply, type InvokeRequest } from './invoke-message'
import { textDelta } from './text-delta'

export interface HttpDeps {
  fetch: typeof fetch
  EventSource: typeof EventSource
  /** Where large calls are sent from, off the page's thread (absent where workers are not available). */
  worker?: () => Worker
}

/** Calls carrying a string longer than this go through the worker (a brief's autosave; small calls stay direct). */
export const OFF_THREAD_CHARS = 64 * 1024

function defaultDeps(): HttpDeps {
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    EventSource: globalThis.EventSource,
    worker: typeof Worker === 'function' ? () => new Worker(new URL('./invoke-worker.ts', import.meta.url), { type: 'module' }) : undefined,
  }
}

/** The HTTP answer to one call, read the same way whichever thread sent it. */
interface Answer {
  status: number
  body: unknown
  readable: boolean
}

const UNREACHABLE = 'Evident is not responding. Is the Evident server still running?'

function carriesLargeText(args: unknown): boolean {
  if (typeof args !== 'object' || args === null) return false
  return Object.values(args).some((value) => typeof value === 'string' && value.length > OFF_THREAD_CHARS)
}

/**
 * The message for the worker: a call's one long text goes as its difference from the long text the worker
 * kept last (`kept`), when that is much the smaller, and the worker keeps it for the next call.
 */
function workerRequest(id: number, method: string, args: Record<string, unknown>, kept: string | null): InvokeRequest {
  const long = Object.entries(args).filter(([, value]) => typeof value === 'string' && value.length > OFF_THREAD_CHARS)
  if (long.length !== 1) return { id, method, args }
  const [key, text] = long[0] as [string, string]
  if (kept !== null) {
    const delta = textDelta(kept, text)
    if (delta.middle.length < text.length / 2) {
      const { [key]: _sent, ...rest } = args
      return { id, method, args: rest, delta: { key, ...delta }, keep: key }
    }
  }
  return { id, method, args, keep: key }
}

/**
 * Browser mode: the same contract over HTTP on 127.0.0.1. The page is authorised by the HttpOnly session
 * cookie the server set when its one-time start address was opened, so no secret is ever held in script,
 * storage or a URL here; same-origin requests carry the cookie by themselves (the worker's too).
 */
export function createHttpApi(deps: HttpDeps = defaultDeps()): EvidentApi {
  let events: EventSource | null = null
  let worker: Worker | null = null
  let workerFailed = false
  // The long text the worker keeps (it is told each one, in order), so the next differs from it only where edited.
  let workerText: string | null = null
  let nextId = 1
  const waiting = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void }>()

  function stream(): EventSource {
    // One stream for every listener: each EventSource is a long-lived connection.
    events ??= new deps.EventSource('/api/events')
    return events
  }

  function offThread(makeWorker: () => Worker, method: string, args: unknown): Promise<Answer> {
    if (!worker) {
      worker = makeWorker()
      worker.onmessage = (event: MessageEvent<InvokeReply>) => {
        const reply = event.data
        const call = waiting.get(reply.id)
        waiting.delete(reply.id)
        if (reply.kind === 'answer') call?.resolve(reply)
        else {
          // Whatever went wrong, the next long text goes whole.
          workerText = null
          call?.reject(new EvidentError('NETWORK', UNREACHABLE))
        }
      }
      // A worker that cannot start (or dies) fails what it holds, and later calls go from the page instead.
      worker.onerror = () => {
        workerFailed = true
        for (const call of waiting.values()) call.reject(new EvidentError('NETWORK', 'Evident could not send that from its background worker; it will try again.'))
        waiting.clear()
      }
    }
    const id = nextId++
    const answer = new Promise<Answer>((resolve, reject) => waiting.set(id, { resolve, reject }))
    const request = workerRequest(id, method, args as Record<string, unknown>, workerText)
    if (request.keep !== undefined) workerText = (args as Record<string, string>)[request.keep]!
    worker.postMessage(request)
    return answer
  }

  async function onThread(method: string, args: unknown): Promise<Answer> {
    let response: Response
    try {
      response = await deps.fetch('/api/invoke', invokeRequestInit(method, args))
    } catch {
      throw new EvidentError('NETWORK', UNREACHABLE)
    }
    try {
      return { status: response.status, body: await response.json(), readable: true }
    } catch {
      return { status: response.status, body: null, readable: false }
    }
  }

  // Places the server gave for writing: once a call has written one, the browser downloads it.
  const toDownload = new Map<string, PickedFile>()

  /**
   * The file methods are this door's to answer in the page: the analyst chooses with the browser's chooser and
   * the bytes are uploaded; a place to write is the server's, delivered as a download after the write.
   */
  async function invoke<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
    if (method === 'files.pickForReading') {
      const chosen = await chooseInPage(args as Args<'files.pickForReading'>)
      const files = await Promise.all(chosen.map((file) => upload(deps.fetch, file)))
      return { files } as Result<M>
    }
    const value = await send(method, args)
    if (method === 'files.pickForWriting') {
      const { file } = value as Result<'files.pickForWriting'>
      if (file) toDownload.set(file.handle, file)
    }
    const written = Object.values(args as object).find((v) => typeof v === 'string' && toDownload.has(v)) as string | undefined
    if (written) {
      download(toDownload.get(written)!)
      toDownload.delete(written)
    }
    return value
  }

  async function send<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
    const answer = deps.worker && !workerFailed && carriesLargeText(args) ? await offThread(deps.worker, method, args) : await onThread(method, args)
    const { status, body } = answer
    if (!answer.readable) throw new EvidentError('INTERNAL', `Evident sent an unreadable answer (HTTP ${status}).`)
    if (typeof body === 'object' && body !== null && 'ok' in body) {
      if (body.ok === true && 'value' in body) return body.value as Result<M>
      if (body.ok === false && 'error' in body && isErrorPayload(body.error)) throw new EvidentError(body.error.code, body.error.message)
    }
    throw new EvidentError('INTERNAL', `Evident sent an unexpected answer (HTTP ${status}).`)
  }

  function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const source = stream()
    const handler = (e: MessageEvent<string>) => {
      try {
        listener(JSON.parse(e.data))
      } catch (error) {
        console.error(`Evident: bad ${event} event`, error)
      }
    }
    source.addEventListener(event, handler)
    return () => source.removeEventListener(event, handler)
  }

  return { invoke, on, handleForFile: (file) => upload(deps.fetch, file) }
}
