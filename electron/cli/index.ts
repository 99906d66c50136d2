import { parseArgs } from 'node:util'
import { toErrorPayload } from '../core/errors'
import { UsageError, type CliCommand, type CliEnv, type CliIo, type CommandInput } from './command'
import { COMMANDS, findCommand } from './commands/index'
import { commandHelp, helpText } from './help'
import { terminalSafe } from './output'

export type { CliEnv, CliIo } from './command'

/** node:util's messages mention internals ("place it at the end after '--'"); say it plainly instead. */
function plainParseError(command: string, error: Error & { code?: string }): string {
  const option = /'(--?[\w-]+)/.exec(error.message)?.[1] ?? 'that option'
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `"${command}" has no option ${option}.`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(error.message) ? `${option} does not take a value.` : `${option} needs a value.`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `"${command}" takes no arguments besides its options.`
    default:
      return error.message
  }
}

function parseCommandArgs(command: CliCommand, argv: string[]): CommandInput {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      // --no-quotes and the like: a boolean flag can also switch off what a brief remembers.
      allowNegative: true,
      allowPositionals: command.positionals.max > 0,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    })
  } catch (error) {
    throw new UsageError(plainParseError(command.name, error as Error & { code?: string }))
  }
  const input: CommandInput = { values: parsed.values as CommandInput['values'], positionals: parsed.positionals }
  if (input.values.help) return input
  const { min, max, label } = command.positionals
  if (input.positionals.length < min) throw new UsageError(`"${command.name}" needs ${label ?? 'more arguments'}.`)
  if (input.positionals.length > max) throw new UsageError(`"${command.name}" does not take "${input.positionals[max]}".`)
  return input
}

function report(io: CliIo, error: unknown, json: boolean): number {
  const usage = error instanceof UsageError
  const payload = usage ? { code: 'INVALID_INPUT' as const, message: error.message } : toErrorPayload(error)
  io.err(`evident: ${payload.message}${usage ? ' Run "evident --help" for the commands and their options.' : ''}`)
  if (json) io.out(JSON.stringify({ error: payload }))
  return usage ? 2 : 1
}

/**
 * The whole command line as a function: argv in, exit code out, text through `io`. Never throws and
 * never prints a stack trace; usage mistakes exit 2, failures exit 1.
 */
export async function runCli(argv: string[], terminal: CliIo, env: CliEnv = {}): Promise<number> {
  // Everything printed passes terminalSafe: names, titles and messages come from files anyone may have made.
  const io: CliIo = { out: (s) => terminal.out(terminalSafe(s)), err: (s) => terminal.err(terminalSafe(s)) }
  const json = argv.includes('--json')
  try {
    const [first, ...rest] = argv
    if (first === undefined) {
      io.err(helpText(COMMANDS))
      return 2
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? rest[0] : undefined
      const command = topic === undefined ? undefined : findCommand(topic)
      if (topic !== undefined && !command) throw new UsageError(`There is no command called "${topic}".`)
      io.out(command ? commandHelp(command) : helpText(COMMANDS))
      return 0
    }
    if (first.startsWith('-')) throw new UsageError(`Put the command first, e.g. "evident sources --project FILE".`)
    const command = findCommand(first)
    if (!command) throw new UsageError(`There is no command called "${first}".`)
    const input = parseCommandArgs(command, rest)
    if (input.values.help) {
      io.out(commandHelp(command))
      return 0
    }
    return await command.run(input, io, env)
  } catch (error) {
    return report(io, error, json)
  }
}

/** The entry bin/evident.js calls: wires runCli to the real terminal. */
export async function main(argv: string[]): Promise<number> {
  // `evident sources | head` closes the pipe early: that is not an error worth a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  return runCli(argv, {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
  })
}
