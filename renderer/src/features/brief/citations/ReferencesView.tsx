import { memo } from 'react'
import type { Numbering } from './citation-store'
import { useNumbering } from './CitationStoreContext'

const NUMBERED = /^\s*\[?\d+[.\])\s]/

/** The generated reference list: read-only, rebuilt from the citations whenever they change. */
export function ReferencesView() {
  const { references, kind, fallback } = useNumbering()
  if (references.length === 0) {
    return (
      <div className="brief-references" aria-label="References (generated)">
        <p className="muted">References appear here as you cite claims.</p>
      </div>
    )
  }
  // Numeric styles usually print their own "1." — only number the list ourselves when they do not.
  const numberHere = kind === 'numeric' && !references.every((r) => NUMBERED.test(r.text))
  return (
    <div className="brief-references" aria-label="References (generated)">
      <ReferenceList references={references} numberHere={numberHere} />
      {fallback && <p className="brief-references-note muted">Short references shown; the full style is applied on export.</p>}
    </div>
  )
}

/**
 * Drawn again only when the list itself changed (a citation whose labels alone changed leaves it as it is), and
 * keyed by source, so a work cited at the top moves the other entries' elements rather than rebuilding them.
 */
const ReferenceList = memo(function ReferenceList({ references, numberHere }: { references: Numbering['references']; numberHere: boolean }) {
  // Room for the widest number ("1280."): the list is painted contained (editor.css), which would clip it.
  const gutter = numberHere ? { paddingLeft: `${Math.max(1.6, 1 + 0.6 * String(references.length).length)}em` } : undefined
  return (
    <ol className={`brief-references-list${numberHere ? ' numbered' : ''}`} style={gutter}>
      {references.map((r) => (
        <li key={r.sourceId} data-source-id={r.sourceId}>
          {r.text}
        </li>
      ))}
    </ol>
  )
})
