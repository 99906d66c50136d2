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
