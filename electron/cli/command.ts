/** Where a command writes: one call is one line (or block of lines); the door adds the newline. */
export interface CliIo {
  out(s: string): void
  err(s: string): void
}

export interface CliEnv {
  /** Where the recent-projects list lives; defaults to Evident's app-data folder. Tests pass a temp dir. */
  userDataDir?: string
}

export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** Given more than once (--url A --url B), or with several values after it (--url A B): a list. */
  multiple?: boolean
}

export interface CommandInput {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

/** One entry of the registry in commands/index.ts; --help lists them in registry order. */
export interface CliCommand {
  name: string
  /** One line for `evident --help`. */
  summary: string
  /** e.g. "evident import --project FILE PATH... [--json]" */
  usage: string
  options: Record<string, OptionSpec>
  positionals: { min: number; max: number; label?: string }
  run(input: CommandInput, io: CliIo, env: CliEnv): Promise<number>
}

/** Wrong words on the command line (exit 2), as opposed to a failure while doing the work (exit 1). */
export class UsageError extends Error {
  override name = 'UsageError'
}

export const projectOption: OptionSpec = { type: 'string' }
export const jsonOption: OptionSpec = { type: 'boolean' }

export function wantsJson(input: CommandInput): boolean {
  return input.values.json === true
}
