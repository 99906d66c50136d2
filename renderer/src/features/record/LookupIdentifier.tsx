import { useId, useState, type FormEvent } from 'react'
import type { LookupResult } from '@shared/dto/lookup'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'

export interface LookupIdentifierProps {
  sourceId: string
  /** Filled in when the dialog was opened to look up an identifier the import found (a DOI). */
  initial?: string
  onAccepted: (service: string, fields: number) => void
}

/**
 * Type a DOI, PMID, arXiv id or ISBN; the record the service holds is shown beside the current one, field by
 * field, each ticked to take it. Nothing is written until Accept.
 */
export function LookupIdentifier({ sourceId, initial = '', onAccepted }: LookupIdentifierProps) {
  const api = useApi()
  const [identifier, setIdentifier] = useState(initial)
  const [result, setResult] = useState<LookupResult | null>(null)
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const headingId = useId()
  const inputId = useId()

  async function lookUp(event: FormEvent) {
    event.preventDefault()
    setError('')
    setResult(null)
    setBusy(true)
    try {
      const found = await api.invoke('sources.lookup', { id: sourceId, identifier })
      setResult(found)
      setChosen(new Set(found.differences.map((d) => d.field)))
    } catch (failure) {
      setError(toEvidentError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  async function accept(fields: string[]) {
    if (!result || fields.length === 0) return
    setBusy(true)
    setError('')
    try {
      await api.invoke('sources.acceptLookup', { id: sourceId, lookupId: result.lookupId, fields })
      setResult(null)
      onAccepted(result.service, fields.length)
    } catch (failure) {
      setError(toEvidentError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  const toggle = (field: string) =>
    setChosen((set) => {
      const next = new Set(set)
      if (next.has(field)) next.delete(field)
      else next.add(field)
      return next
    })

  return (
    <section className="lookup" aria-labelledby={headingId}>
      <h3 id={headingId}>Look up by identifier</h3>
      <form className="lookup-form" onSubmit={(e) => void lookUp(e)}>
        <label htmlFor={inputId}>DOI, PMID, arXiv id or ISBN</label>
        <input id={inputId} value={identifier} spellCheck={false} placeholder="10.1136/bmj.n71" onChange={(e) => setIdentifier(e.target.value)} />
        <button type="submit" disabled={busy || !identifier.trim()}>
          {busy && !result ? 'Looking up…' : 'Look up'}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {result && result.differences.length === 0 && (
        <p role="status">The record already says what {result.service} says ({result.unchanged.length} fields the same).</p>
      )}
      {result && result.differences.length > 0 && (
        <>
          <table className="lookup-diff" aria-label={`Differences with ${result.service}`}>
            <caption>
              {result.service} for {result.identifier.value}: {result.differences.length} {result.differences.length === 1 ? 'field differs' : 'fields differ'}
              {result.unchanged.length > 0 && `, ${result.unchanged.length} the same`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Take</th>
                <th scope="col">Field</th>
                <th scope="col">In the record</th>
                <th scope="col">From {result.service}</th>
              </tr>
            </thead>
            <tbody>
              {result.differences.map((d) => (
                <tr key={d.field}>
                  <td>
                    <input type="checkbox" checked={chosen.has(d.field)} onChange={() => toggle(d.field)} aria-label={`Take ${d.label} from ${result.service}`} />
                  </td>
                  <th scope="row">{d.label}</th>
                  <td className={d.current === null ? 'muted' : undefined}>{d.current ?? 'none'}</td>
                  <td>{d.found}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="lookup-actions">
            <button type="button" disabled={busy || chosen.size === 0} onClick={() => void accept([...chosen])}>
              Accept selected ({chosen.size})
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void accept(result.differences.map((d) => d.field))}>
              Accept all
            </button>
            <button type="button" disabled={busy} onClick={() => setResult(null)}>
              Discard
            </button>
          </div>
        </>
      )}
    </section>
  )
}
