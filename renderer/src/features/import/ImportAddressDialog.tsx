import { useId, useState } from 'react'
import { MAX_IMPORT_ADDRESSES } from '@shared/limits'
import { Dialog } from '../../ui/Dialog'
import { ActionDialogFooter } from '../../ui/DialogFooters'

/** One address a line (or separated by spaces, as a pasted list often is); blank lines ignored. */
export function addressesIn(text: string): string[] {
  return text.split(/\s+/).map((a) => a.trim()).filter(Boolean)
}

/** Why the list cannot be sent as it is, said before anything is fetched. */
export function addressProblem(addresses: string[]): string | null {
  if (addresses.length === 0) return 'Type or paste at least one address.'
  if (addresses.length > MAX_IMPORT_ADDRESSES) return `At most ${MAX_IMPORT_ADDRESSES} addresses at once.`
  const bad = addresses.find((a) => !/^https?:\/\/[^\s/]+/i.test(a))
  return bad ? `“${bad.length > 80 ? `${bad.slice(0, 77)}…` : bad}” is not a web address: each should start with http:// or https://.` : null
}

export function ImportAddressDialog({ onImport, onClose }: { onImport: (addresses: string[]) => void; onClose: () => void }) {
  const [text, setText] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const hintId = useId()
  const errorId = useId()
  function submit() {
    const addresses = addressesIn(text)
    const found = addressProblem(addresses)
    setProblem(found)
    if (!found) onImport(addresses)
  }
  return (
    <Dialog
      title="Import from an address"
      onClose={onClose}
      describedBy={hintId}
      footer={<ActionDialogFooter actionLabel="Import" onAction={submit} onCancel={onClose} />}
    >
      <label className="import-address-label">
        Web addresses, one a line
        <textarea
          className="import-address-box"
          rows={6}
          value={text}
          data-autofocus
          spellCheck={false}
          placeholder="https://www.example.org/report.pdf"
          aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            setText(e.target.value)
            setProblem(null)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit()
          }}
        />
      </label>
      <p id={hintId} className="muted">
        Web pages are cut to their article and saved as they are now, with the address and the time; addresses of PDFs and Word documents
        import as those files. Intranet addresses work too. Nothing is fetched until you press Import.
      </p>
      {problem && (
        <p id={errorId} className="import-address-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  )
}
