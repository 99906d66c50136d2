import { join } from 'node:path'
import { runCli } from '../../electron/cli/index'

export interface CliRun {
  code: number
  out: string
  err: string
  errLines: string[]
}

/** Runs the command line in-process, as a user would type it, capturing what it prints. */
export async function runEvident(userDataParent: string, argv: string[]): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, { userDataDir: join(userDataParent, 'user-data') })
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err }
}
