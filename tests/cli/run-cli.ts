import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect } from 'vitest'
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

export interface StarterCli {
  /** The temp folder, set before the describe's tests run. */
  dir: string
  /** The starter project in it, as `evident new --starter` made it. */
  project: string
  evident: (...argv: string[]) => Promise<CliRun>
}

/** For a describe: a temp folder holding the starter project, made through the command line first and removed after. */
export function useStarterProjectCli(prefix: string): StarterCli {
  const cli: StarterCli = { dir: '', project: '', evident: (...argv) => runEvident(cli.dir, argv) }
  beforeAll(async () => {
    cli.dir = mkdtempSync(join(tmpdir(), prefix))
    cli.project = join(cli.dir, 'Starter.evident')
    expect((await cli.evident('new', '--project', cli.project, '--starter')).code).toBe(0)
  })
  afterAll(() => rmSync(cli.dir, { recursive: true, force: true }))
  return cli
}
