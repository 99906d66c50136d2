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

export const SERVER_USAGE = `Usage: node out/main/server.js [--project FILE [--new]] [--user-data DIR] [--port N] [--renderer DIR] [--token T]`

/** Throws an Error with a plain message on bad arguments; the caller prints it with the usage line. */
export function parseServerArgs(argv: string[], builtDir: string): ServerArgs {
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
      token: { type: 'string' },
    },
  })
  if (values.new && !values.project) throw new Error('--new needs --project FILE: the path of the project to create.')
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port ?? '') || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`)
  // The token goes into a URL as is, so keep it to characters that need no escaping.
  if (values.token !== undefined && !/^[A-Za-z0-9._~-]+$/.test(values.token)) {
    throw new Error('--token may only use letters, digits and . _ ~ -')
  }
  return {
    projectPath: values.project ? resolve(values.project) : undefined,
    createProject: Boolean(values.new),
    userDataDir: resolve(values['user-data'] ?? defaultUserDataDir()),
    port,
    rendererDir: resolve(values.renderer ?? join(builtDir, '../renderer')),
    token: values.token ?? randomBytes(32).toString('hex'),
  }
}
