import type { ReactNode } from 'react'
import type { AuthorRow } from './record-model'
import { newAuthorRow } from './record-model'

export interface AuthorRowsProps {
  authors: AuthorRow[]
  onChange: (authors: AuthorRow[]) => void
  /** Where the authors came from, shown under the rows. */
  note?: ReactNode
}

/** Authors in citation order, one family/given pair per row. */
export function AuthorRows({ authors, onChange, note }: AuthorRowsProps) {
  const update = (key: number, patch: Partial<AuthorRow>) => onChange(authors.map((a) => (a.key === key ? { ...a, ...patch } : a)))

  function add() {
    onChange([...authors, newAuthorRow()])
    // Focus the new row's family name once it is rendered.
    requestAnimationFrame(() => {
      const boxes = document.querySelectorAll<HTMLInputElement>('.author-row input[data-family]')
      boxes[boxes.length - 1]?.focus()
    })
  }

  return (
    <fieldset className="authors">
      <legend>Authors</legend>
      {authors.length === 0 ? (
        <p className="muted authors-empty">No authors. Reports by an organisation can leave this empty.</p>
      ) : (
        <div className="author-row author-head" aria-hidden="true">
          <span>Family name or organisation</span>
          <span>Given names</span>
        </div>
      )}
      {authors.map((a, i) => (
        <div className="author-row" key={a.key}>
          <input
            type="text"
            data-family=""
            aria-label={`${a.literal ? 'Organisation' : 'Family name'}, author ${i + 1}`}
            placeholder={a.literal ? 'Organisation' : 'Family name'}
            value={a.family}
            onChange={(e) => update(a.key, { family: e.target.value })}
          />
          <input
            type="text"
            aria-label={`Given name, author ${i + 1}`}
            placeholder="Given name"
            value={a.given}
            onChange={(e) => update(a.key, { given: e.target.value, literal: a.literal && e.target.value === '' })}
          />
          <button type="button" className="icon-button" aria-label={`Remove author ${i + 1}`} onClick={() => onChange(authors.filter((x) => x.key !== a.key))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="add-author" onClick={add}>
        + Add author
      </button>
      {note ? <div className="authors-note">{note}</div> : null}
    </fieldset>
  )
}
