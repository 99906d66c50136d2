import { fork } from 'node:child_process'
import { dirname, join } from 'node:path'
import { pdfjsDataFolders } from '../formats/pdf-data'
import { DEFAULT_PROCESS_LIMITS, parserV8Flags, type ParserChannel, type ParserProcessLimits, type SpawnParser } from './channel'
import { ParserPool, type PoolOptions } from './pool'
import { isParserReply } from './protocol'

/**
 * Node's permission model for the parser: it may read the app's own files (its code and node_modules) and
 * nothing else, write nowhere, and start no programs. So even a parser bug that an untrusted file turns into
 * code execution cannot read the project or the user's files. The watchdog thread needs --allow-worker.
 * pdf.js's character maps and standard fonts are named as well: they sit in the app's node_modules today, but
 * a reader that cannot open them turns every CJK PDF into junk without a word of error.
 */
export function parserExecArgv(entryPath: string, limits: ParserProcessLimits = DEFAULT_PROCESS_LIMITS): string[] {
  const appRoot = join(dirname(entryPath), '..', '..')
  const { cmaps, standardFonts } = pdfjsDataFolders()
  const reads = [appRoot, cmaps, standardFonts].map((path) => `--allow-fs-read=${path.replace(/[\\/]$/, '')}`)
  return [...parserV8Flags(limits), '--permission', ...reads, '--allow-worker']
}

/** Starts parser processes with child_process.fork: the way browser mode and the CLI (plain Node) do it. */
export function forkParser(entryPath: string, limits: ParserProcessLimits = DEFAULT_PROCESS_LIMITS): SpawnParser {
  return () => {
    const child = fork(entryPath, [`--max-rss=${limits.maxRssBytes}`], {
      // Structured clone, so file bytes cross as bytes rather than as JSON arrays of numbers.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      execPath: process.execPath,
      execArgv: parserExecArgv(entryPath, limits),
      // Nothing of ours (a browser-mode token, say) is handed down: the parser needs no environment.
      env: process.platform === 'win32' ? { SystemRoot: process.env.SystemRoot ?? '' } : {},
    })
    const channel: ParserChannel = {
      pid: child.pid,
      send: (request) => {
        if (child.connected) child.send(request)
      },
      onReply: (listener) => child.on('message', (message) => isParserReply(message) && listener(message)),
      onStderr: (listener) => child.stderr?.on('data', (chunk: Buffer) => listener(chunk.toString('utf8'))),
      onExit: (listener) => {
        // 'error' (it could not be started at all) may come instead of 'exit': report one of them, once.
        let reported = false
        const report = (code: number | null, signal: string | null) => {
          if (reported) return
          reported = true
          listener(code, signal)
        }
        child.once('exit', report)
        child.once('error', () => report(null, null))
      },
      setBusy: (busy) => {
        for (const handle of [child, child.channel, child.stderr] as Array<{ ref?(): void; unref?(): void } | null | undefined>) {
          if (busy) handle?.ref?.()
          else handle?.unref?.()
        }
      },
      kill: () => {
        child.kill('SIGKILL')
      },
    }
    channel.setBusy(false)
    return channel
  }
}

/** The pool the Node doors use: parser processes started from the built parser entry (out/main/parser.js). */
export function nodeParserPool(entryPath: string, options: Omit<PoolOptions, 'spawn'> = {}, limits = DEFAULT_PROCESS_LIMITS): ParserPool {
  return new ParserPool({ maxRssBytes: limits.maxRssBytes, ...options, spawn: forkParser(entryPath, limits) })
}
