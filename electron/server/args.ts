import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultUserDataDir } from '../core/app/app-data'

export interface ServerArgs {
  /** Absent: the default project in the user-data folder, created with the starter corpus on first run. */
  projectPath?: string
  createProject: boolean
  userDataDir: string
  port: number
  rendererDir: string
  token: string
}

export const SERVER_USAGE = `Usage: node out/main/server.js [--project FILE [--new]] [--user-data DIR] [--port N] [--renderer DIR]\n(Programmatic clients: give the server a token in the EVIDENT_TOKEN environment variable and send it as Authorization: Bearer.)`

/** Throws an Error with a plain message on bad arguments; the caller prints it with the usage line. */
export function parseServerArgs(argv: string[], builtDir: string, env: NodeJS.ProcessEnv = process.env): ServerArgs {
  // Every local user can read a process's arguments (ps): a secret there is no secret.
  if (argv.some((arg) => arg === '--token' || arg.startsWith('--token='))) {
    throw new Error('--token is no longer taken on the command line, where every user of this machine can read it: set EVIDENT_TOKEN in the environment instead.')
  }
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      project: { type: 'string' },
      new: { type: 'boolean', default: false },
      'user-data': { type: 'string' },
      port: { type: 'string', default: '0' },
      renderer: { type: 'string' },
    },
  })
  if (values.new && !values.project) throw new Error('--new needs --project FILE: the path of the project to create.')
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port ?? '') || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`)
  const token = env.EVIDENT_TOKEN
  if (token !== undefined && !/^[\x21-\x7e]{16,512}$/.test(token)) {
    throw new Error('EVIDENT_TOKEN must be 16 to 512 printable characters with no spaces.')
  }
  return {
    projectPath: values.project ? resolve(values.project) : undefined,
    createProject: Boolean(values.new),
    userDataDir: resolve(values['user-data'] ?? defaultUserDataDir()),
    port,
    rendererDir: resolve(values.renderer ?? join(builtDir, '../renderer')),
    // Without EVIDENT_TOKEN, a random token that nothing ever prints: only the page's session can call the API.
    token: token ?? randomBytes(32).toString('hex'),
  }
}
