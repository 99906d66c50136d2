import { toErrorPayload } from '../../errors'
import { extractDocument } from '../extract'
import type { ParserReply, ParserRequest } from './protocol'

/** The parser process's side of its link to the app: Node's IPC channel or Electron's parentPort. */
export interface ParentLink {
  post(reply: ParserReply): void
  onRequest(handler: (request: ParserRequest) => void): void
}

/** Reads each file it is sent and answers with its blocks or the reason it could not. */
export function serveParser(link: ParentLink): void {
  link.onRequest((request) => {
    void parseOne(link, request)
  })
  link.post({ type: 'ready' })
}

async function parseOne(link: ParentLink, { id, fileName, bytes, options }: ParserRequest): Promise<void> {
  try {
    const document = await extractDocument(fileName, bytes, {
      ...options,
      onAnnounce: ({ pages }) => link.post({ type: 'announce', id, pages }),
    })
    link.post({ type: 'done', id, document })
  } catch (error) {
    const payload = toErrorPayload(error)
    // A parser's own exception is not one of our messages: name the file and say what it said.
    const message = payload.code === 'INTERNAL' ? `“${fileName}” could not be imported: ${(error as Error)?.message ?? String(error)}` : payload.message
    link.post({ type: 'failed', id, error: { code: payload.code, message } })
  }
}
