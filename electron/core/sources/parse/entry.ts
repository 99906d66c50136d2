// The document-parser process: started by the app (Electron's utilityProcess, or child_process.fork in
// browser mode and the CLI), it is sent file bytes and answers with blocks. It never opens the project.
import { serveParser, type ParentLink } from './child'
import { isParserRequest, type ParserReply } from './protocol'
import { startMemoryWatchdog } from './watchdog'

interface ElectronParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}

function maxRssFromArgs(argv: string[]): number | null {
  const value = argv.find((arg) => arg.startsWith('--max-rss='))?.slice('--max-rss='.length)
  const bytes = Number(value)
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null
}

function parentLink(): ParentLink | null {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    return {
      post: (reply: ParserReply) => electronPort.postMessage(reply),
      onRequest: (handler) => electronPort.on('message', ({ data }) => isParserRequest(data) && handler(data)),
    }
  }
  const send = process.send?.bind(process)
  if (!send) return null
  // The app went away (crashed or quit): nothing is left to read for.
  process.on('disconnect', () => process.exit(0))
  return {
    post: (reply: ParserReply) => send(reply),
    onRequest: (handler) => process.on('message', (message) => isParserRequest(message) && handler(message)),
  }
}

const link = parentLink()
if (!link) {
  process.stderr.write('This is Evident’s document reader; it is started by Evident itself.\n')
  process.exitCode = 2
} else {
  const maxRss = maxRssFromArgs(process.argv)
  if (maxRss) startMemoryWatchdog(maxRss)
  serveParser(link)
}
