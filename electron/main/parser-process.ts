import type { UtilityProcess } from 'electron'
import { DEFAULT_PROCESS_LIMITS, parserV8Flags, type ParserChannel, type ParserProcessLimits, type SpawnParser } from '../core/sources/parse/channel'
import { ParserPool } from '../core/sources/parse/pool'
import { isParserReply } from '../core/sources/parse/protocol'

type Fork = (modulePath: string, args: string[], options: Electron.ForkOptions) => UtilityProcess

/**
 * In Electron, documents are read in utility processes: Chromium-managed children with no access to the
 * window, the IPC bridge or the open project. Each gets the file's bytes over its message port and the
 * same memory ceiling (a watchdog thread inside) and time limit (the pool) as in the Node doors.
 */
export function utilityParser(fork: Fork, entryPath: string, limits: ParserProcessLimits = DEFAULT_PROCESS_LIMITS): SpawnParser {
  return () => {
    const child = fork(entryPath, [`--max-rss=${limits.maxRssBytes}`], {
      serviceName: 'Evident document reader',
      stdio: ['ignore', 'ignore', 'pipe'],
      execArgv: parserV8Flags(limits),
      // Nothing of the app's environment is handed down: the reader needs none of it.
      env: {},
    })
    const channel: ParserChannel = {
      pid: child.pid,
      send: (request) => child.postMessage(request),
      onReply: (listener) => child.on('message', (message: unknown) => isParserReply(message) && listener(message)),
      onStderr: (listener) => child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString('utf8'))),
      onExit: (listener) => child.once('exit', (code: number) => listener(code, null)),
      // Utility processes never keep Electron's main process alive on their own.
      setBusy: () => undefined,
      kill: () => {
        child.kill()
      },
    }
    return channel
  }
}

export function utilityParserPool(fork: Fork, entryPath: string, limits: ParserProcessLimits = DEFAULT_PROCESS_LIMITS): ParserPool {
  return new ParserPool({ spawn: utilityParser(fork, entryPath, limits), maxRssBytes: limits.maxRssBytes })
}
