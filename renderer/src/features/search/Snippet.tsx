import { snippetParts } from './snippet'

/** A search snippet with its matches marked. Text only: a snippet is never parsed as HTML. */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="snippet">
      {snippetParts(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  )
}
