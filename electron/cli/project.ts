import { basename, resolve } from 'node:path'
import type { Args, MethodName, Result } from '../shared/contract/index'
import type { ProjectInfo } from '../shared/dto/project'
import { createCore } from '../core/app/core'
import { dispatch } from '../core/app/dispatch'
import type { EventHub } from '../core/app/events'
import type { FileHandles } from '../core/app/file-handles'
import { findParserEntry, findResourcesDir } from '../core/app/resources'
import { nodeParserPool } from '../core/sources/parse/node-process'
import { AppError } from '../core/errors'
import { defaultUserDataDir } from '../core/app/app-data'
import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand, type CliEnv, type CliIo, type CommandInput } from './command'
import { printJson } from './output'

export interface OpenProject {
  info: ProjectInfo
  events: EventHub
  /** Handles for the paths the command was given: the contract takes no path, from any door. */
  files: Pick<FileHandles, 'forReading' | 'forWriting'>
  /** Through dispatch, so the CLI's arguments are validated exactly as the UI's are. */
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>
}

/** readOnly: the command only reads, so it works while another Evident is writing the project. */
export type ProjectMode = { create: false; readOnly?: boolean } | { create: true; starter: boolean }

export function requireProject(input: CommandInput, command: string): string {
  const project = input.values.project
  if (typeof project !== 'string' || project.trim() === '') {
    throw new UsageError(`"${command}" needs --project FILE: the .evident project to use.`)
  }
  return resolve(project)
}

function installed(find: (dir: string) => string): string {
  try {
    return find(__dirname)
  } catch (error) {
    throw new AppError('IO_ERROR', (error as Error).message)
  }
}

/** Opens (or creates) one project through the core, runs `work`, and always closes the core after. */
export async function withProject<T>(env: CliEnv, path: string, mode: ProjectMode, work: (project: OpenProject) => Promise<T>): Promise<T> {
  return withCore(env, async (call, events, files) => {
    const info = mode.create
      ? await call('project.create', { file: files.forWriting({ path, name: basename(path), overwrite: false }).handle, starter: mode.starter })
      : await call('project.open', { file: files.forReading(path).handle, readOnly: mode.readOnly ?? false })
    return work({ info, events, files, call })
  })
}

/** The core with no project open, for a command that needs none (a search of the analyst's Zotero library). */
export async function withCore<T>(env: CliEnv, work: (call: OpenProject['call'], events: EventHub, files: OpenProject['files']) => Promise<T>): Promise<T> {
  const core = await createCore({
    userDataDir: env.userDataDir ?? defaultUserDataDir(),
    resourcesDir: installed(findResourcesDir),
    parser: nodeParserPool(installed(findParserEntry)),
    appName: 'the evident command line',
  })
  try {
    const call = <M extends MethodName>(method: M, args: Args<M>) => dispatch(core.handlers, method, args) as Promise<Result<M>>
    return await work(call, core.events, core.files)
  } finally {
    core.close()
  }
}

/**
 * The one shape of a command that reads a project and reports: open it, load, then print JSON (--json) or
 * the command's text. Exits 0; a failure on the way is reported by the runner as any other.
 */
export async function reportFromProject<T>(
  input: CommandInput,
  io: CliIo,
  env: CliEnv,
  command: string,
  load: (project: OpenProject) => Promise<T>,
  printText: (data: T) => void,
): Promise<number> {
  const data = await withProject(env, requireProject(input, command), { create: false, readOnly: true }, load)
  if (wantsJson(input)) printJson(io, data)
  else printText(data)
  return 0
}

/** A command that lists what a project holds: `evident NAME --project FILE [--json]`, read-only, no other words. */
export function listingCommand<T>(spec: { name: string; summary: string; load: (project: OpenProject) => Promise<T>; printText: (data: T, io: CliIo) => void }): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: `evident ${spec.name} --project FILE [--json]`,
    options: { project: projectOption, json: jsonOption },
    positionals: { min: 0, max: 0 },
    run: (input, io, env) => reportFromProject(input, io, env, spec.name, spec.load, (data) => spec.printText(data, io)),
  }
}
