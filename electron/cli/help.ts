import type { CliCommand } from './command'

const JSON_NOTE = 'Add --json for machine-readable output; errors then also print {"error":{"code","message"}} on stdout.'

export function helpText(commands: readonly CliCommand[]): string {
  const lines = [...commands.map((c) => [c.name, c.summary]), ['help', 'Show this help, or one command\'s options: evident help COMMAND.']]
  const width = Math.max(...lines.map(([name]) => name!.length))
  return [
    'Evident: evidence-based policy briefs, from the command line.',
    '',
    'Usage: evident COMMAND [options]',
    '',
    'Commands:',
    ...lines.map(([name, summary]) => `  ${name!.padEnd(width)}  ${summary}`),
    '',
    'Every command but doctor works on one project file, named with --project FILE.',
    JSON_NOTE,
    'Exit codes: 0 done, 1 failed (nothing is left half-changed), 2 wrong usage.',
  ].join('\n')
}

export function commandHelp(command: CliCommand): string {
  return [`Usage: ${command.usage}`, '', command.summary].join('\n')
}
