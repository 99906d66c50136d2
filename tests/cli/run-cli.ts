import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect } from 'vitest'
import { runCli } from '../../electron/cli/index'
import { useTempDir } from '../helpers/temp'

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

export interface FreshCli {
  /** This test's temp folder (made when first asked for). */
  readonly dir: string
  evident: (...argv: string[]) => Promise<CliRun>
}

/** For each test: a fresh temp folder, removed after it, and the command line run in-process with its user data there. */
export function useFreshCli(prefix: string): FreshCli {
  const dir = useTempDir(prefix)
  return {
    get dir() {
      return dir()
    },
    evident: (...argv) => runEvident(dir(), argv),
  }
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

export interface ProcessRun {
  code: number
  stdout: string
  stderr: string
}

export interface ProcessCli {
  /** The temp folder (its config folder included), set before the tests run. */
  dir: string
  /** `evident ARGV` as its own process, with `env()` added to its environment (a fixture server's addresses). */
  evident: (...argv: string[]) => Promise<ProcessRun>
  /** The same with `extra` added to that environment. */
  evidentWith: (extra: Record<string, string>, ...argv: string[]) => Promise<ProcessRun>
}

const BIN = resolve(__dirname, '../../bin/evident.js')
const execFileAsync = promisify(execFile)

/**
 * For a file or describe: a temp folder, and a real `evident` process over the build (so documents are read by
 * the parser processes, not in the CLI's own), run asynchronously because a fixture server answering it may live in
 * this test's process.
 */
export function useEvidentProcess(prefix: string, env: () => Record<string, string> = () => ({})): ProcessCli {
  const evidentWith = async (extra: Record<string, string>, ...argv: string[]): Promise<ProcessRun> => {
    const options = { timeout: 60_000, env: { ...process.env, XDG_CONFIG_HOME: join(cli.dir, 'config'), ...env(), ...extra } }
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [BIN, ...argv], options)
      return { code: 0, stdout, stderr }
    } catch (error) {
      const failed = error as ProcessRun
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
    }
  }
  const cli: ProcessCli = { dir: '', evident: (...argv) => evidentWith({}, ...argv), evidentWith }
  beforeAll(() => {
    cli.dir = mkdtempSync(join(tmpdir(), prefix))
  })
  afterAll(() => rmSync(cli.dir, { recursive: true, force: true }))
  return cli
}
