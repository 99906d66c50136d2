import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../shared/dto/sources'
import type { CliIo } from './command'

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2))
}

export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`
}

/** A plain-text table: columns padded to their widest cell, each capped so one long title cannot wrap every row. */
export function formatTable(headers: string[], rows: string[][], maxWidths: number[] = []): string {
  const capped = rows.map((row) => row.map((cell, i) => truncate(cell.replace(/\s+/g, ' '), maxWidths[i] ?? 80)))
  const widths = headers.map((h, i) => Math.max(h.length, ...capped.map((row) => row[i]?.length ?? 0)))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...capped.map(line)].join('\n')
}

/** Search snippets mark matches with control characters; a terminal shows them as [brackets]. */
export function plainSnippet(snippet: string): string {
  return snippet.split(SNIPPET_OPEN).join('[').split(SNIPPET_CLOSE).join(']').replace(/\s+/g, ' ').trim()
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * Text as a terminal may print it: control characters (ESC and the rest of C0 but tab and newline, DEL, C1)
 * and the bidirectional overrides are shown as \u001B or \u202E (JSON's own escapes, so --json output stays
 * valid). A file named with an escape sequence would otherwise move the cursor, retitle the window or hide
 * the real name behind a fake one.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
}
