import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createCore } from '../core/app/core'
import { findParserEntry, findResourcesDir } from '../core/app/resources'
import { nodeParserPool } from '../core/sources/parse/node-process'
import { toErrorPayload } from '../core/errors'
import { parseServerArgs, SERVER_USAGE, type ServerArgs } from './args'
import { createEvidentServer } from './http'

function fail(message: string, code: number): void {
  process.stderr.write(`evident: ${message}\n`)
  process.exitCode = code
}

async function start(args: ServerArgs, entryDir: string): Promise<void> {
  const core = await createCore({
    userDataDir: args.userDataDir,
    resourcesDir: findResourcesDir(entryDir),
    parser: nodeParserPool(findParserEntry(entryDir)),
    appName: 'Evident in browser mode',
  })
  try {
    if (args.createProject && args.projectPath) await core.createProject(args.projectPath, true)
    else await core.openInitialProject(args.projectPath)
  } catch (error) {
    core.close()
    return fail(toErrorPayload(error).message, 1)
  }
  const readOnly = core.currentProject()?.readOnly
  if (readOnly) process.stderr.write(`evident: ${readOnly.reason}\n`)
  if (!existsSync(join(args.rendererDir, 'index.html'))) {
    process.stderr.write(`evident: the interface is not built (no index.html in ${args.rendererDir}); run npm run build. The API still answers.\n`)
  }
  const server = createEvidentServer({ core, token: args.token, rendererDir: args.rendererDir })
  server.on('error', (error: NodeJS.ErrnoException) => {
    core.close()
    fail(error.code === 'EADDRINUSE' ? `port ${args.port} is already in use: choose another with --port.` : error.message, 1)
  })
  // 127.0.0.1 only: nothing on the network may reach the project, token or not.
  server.listen(args.port, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo
    // The code in this address works once: history and a shared screen only ever show a dead one.
    process.stdout.write(`Evident is running in browser mode: http://127.0.0.1:${port}/?code=${server.issueCode()}\n`)
  })
  const shutdown = () => {
    // Open event streams would otherwise keep close() waiting for ever.
    server.closeAllConnections()
    server.close()
    core.close()
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

/** Runs browser mode; `entryDir` is the built entry's folder (this module may be loaded from a chunk below it). */
export function runServer(argv: string[], entryDir: string): void {
  let args: ServerArgs
  try {
    args = parseServerArgs(argv, entryDir)
    // Read once; nothing later in this process (or a child of it) needs to see it.
    delete process.env.EVIDENT_TOKEN
  } catch (error) {
    return fail(`${(error as Error).message}\n${SERVER_USAGE}`, 2)
  }
  // Startup failures are ours to read (e.g. no resources folder), so say what happened.
  start(args, entryDir).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1))
}

