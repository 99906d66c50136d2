import { toErrorPayload } from '../../errors'
import { extractDocument, type VisualLine, type WorkShare } from '../extract'
import { readPdfPageLines } from '../formats/pdf'
import { renderOriginal } from '../formats/original-view'
import { rasteriseSvg } from '../formats/svg-raster'
import type { ParserReply, ParserRequest } from './protocol'

/** The parser process's side of its link to the app: Node's IPC channel or Electron's parentPort. */
export interface ParentLink {
  post(reply: ParserReply): void
  onRequest(handler: (request: ParserRequest) => void): void
}

/**
 * Answers the app gives a file being read: its plan, then the pages read elsewhere. An answer may come before
 * it is waited for (the other reader can finish its half first), so it is kept until then.
 */
class Pending<T> {
  private readonly waiting = new Map<number, (value: T) => void>()
  private readonly early = new Map<number, T>()
  wait(id: number): Promise<T> {
    if (this.early.has(id)) {
      const value = this.early.get(id) as T
      this.early.delete(id)
      return Promise.resolve(value)
    }
    return new Promise((resolve) => this.waiting.set(id, resolve))
  }
  settle(id: number, value: T): void {
    const waiter = this.waiting.get(id)
    if (!waiter) return void this.early.set(id, value)
    this.waiting.delete(id)
    waiter(value)
  }
}

/** Reads each file it is sent and answers with its blocks or the reason it could not. */
export function serveParser(link: ParentLink): void {
  const plans = new Pending<number | null>()
  const shared = new Pending<VisualLine[][] | null>()
  link.onRequest((request) => {
    if (request.type === 'plan') plans.settle(request.id, request.sharedFrom)
    else if (request.type === 'shared') shared.settle(request.id, request.pages)
    else if (request.type === 'pages') void answer(link, request.id, request.fileName, async () => ({ type: 'pages-done', id: request.id, pages: await readPdfPageLines(request.fileName, request.bytes, request.from, request.to) }))
    else if (request.type === 'render') {
      const { id, fileName, format, bytes } = request
      void answer(link, id, fileName, async () => ({ type: 'rendered', id, view: await renderOriginal(fileName, format, bytes) }))
    } else if (request.type === 'rasterise') {
      const { id, fileName, bytes } = request
      void answer(link, id, fileName, async () => ({ type: 'rasterised', id, image: await rasteriseSvg(fileName, bytes) }))
    } else {
      const { id, fileName, bytes, options } = request
      const share: WorkShare = {
        announce: (pages) => {
          const plan = plans.wait(id)
          link.post({ type: 'announce', id, pages })
          return plan
        },
        sharedPages: () => shared.wait(id),
      }
      const onOcrProgress = (progress: { page: number; pages: number }) => link.post({ type: 'progress', id, ...progress })
      void answer(link, id, fileName, async () => ({ type: 'done', id, document: await extractDocument(fileName, bytes, { ...options, share, onOcrProgress }) }))
    }
  })
  link.post({ type: 'ready' })
}

async function answer(link: ParentLink, id: number, fileName: string, work: () => Promise<ParserReply>): Promise<void> {
  try {
    link.post(await work())
  } catch (error) {
    const payload = toErrorPayload(error)
    // A parser's own exception is not one of our messages: name the file and say what it said.
    const message = payload.code === 'INTERNAL' ? `“${fileName}” could not be imported: ${(error as Error)?.message ?? String(error)}` : payload.message
    link.post({ type: 'failed', id, error: { code: payload.code, message } })
  }
}
