import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../../electron/shared/dto/sources'

export interface SnippetPart {
  text: string
  match: boolean
}

/** Splits a search snippet on its match markers; unbalanced or stray markers are dropped, never shown. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let match = false
  let current = ''
  const flush = () => {
    if (current) parts.push({ text: current, match })
    current = ''
  }
  for (const ch of snippet) {
    if (ch === SNIPPET_OPEN) {
      flush()
      match = true
    } else if (ch === SNIPPET_CLOSE) {
      flush()
      match = false
    } else {
      current += ch
    }
  }
  flush()
  return parts
}
