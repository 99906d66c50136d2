import { SNIPPET_CLOSE, SNIPPET_OPEN } from '@shared/dto/sources'

export interface SnippetPart {
  text: string
  marked: boolean
}

/**
 * Splits a search snippet on its control-character markers. The snippet is text from the analyst's
 * sources, so it is never parsed as HTML: each part becomes a React text node, marked or not.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let marked = false
  let text = ''
  for (const ch of snippet) {
    if (ch === SNIPPET_OPEN || ch === SNIPPET_CLOSE) {
      if (text) parts.push({ text, marked })
      text = ''
      marked = ch === SNIPPET_OPEN
    } else {
      text += ch
    }
  }
  if (text) parts.push({ text, marked })
  return parts
}

/** The plain text of a snippet, for accessible names and drag payloads. */
export function snippetText(snippet: string): string {
  return snippet.split(SNIPPET_OPEN).join('').split(SNIPPET_CLOSE).join('')
}

/** A search snippet (sources or claims) with its matches marked; stray or unbalanced markers are never shown. */
export function Snippet({ snippet, className }: { snippet: string; className?: string }) {
  return (
    <span className={className}>
      {splitSnippet(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  )
}
