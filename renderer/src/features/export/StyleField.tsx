import { useId, useRef, type ChangeEvent } from 'react'
import type { StyleInfo } from '@shared/dto/citations'
import { MAX_CSL_STYLE_BYTES } from '@shared/limits'
import { useApi } from '../../api/context'
import { useAttempt } from '../../api/useAttempt'
import { ErrorNote } from '../../ui/ErrorNote'

interface Props {
  styles: StyleInfo[]
  value: string
  disabled: boolean
  onChange(styleId: string): void
  /** A .csl file the core accepted: the parent adds it to the list and selects it. */
  onLoaded(style: StyleInfo): void
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`))
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '')
    reader.readAsText(file)
  })
}

const KIND: Record<StyleInfo['kind'], string> = { numeric: 'numbered', 'author-date': 'author–date', note: 'note' }

export function StyleField({ styles, value, disabled, onChange, onLoaded }: Props) {
  const api = useApi()
  const id = useId()
  const file = useRef<HTMLInputElement>(null)
  // The core's own words on a refusal: malformed XML, entities, not a CSL style…
  const { busy: loading, error, setError, attempt } = useAttempt()
  const known = styles.some((s) => s.id === value)

  async function load(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0]
    // Clearing lets the analyst pick the same file again after fixing it.
    event.target.value = ''
    if (!chosen) return
    if (chosen.size > MAX_CSL_STYLE_BYTES) return setError(`${chosen.name} is too large: a style file may be at most ${MAX_CSL_STYLE_BYTES / 1024 / 1024} MB.`)
    await attempt(async () => {
      const style = await api.invoke('citations.addStyle', { fileName: chosen.name, xml: await readText(chosen) })
      onLoaded(style)
    })
  }

  return (
    <div className="export-field">
      <label htmlFor={`${id}-style`}>Citation style</label>
      <div className="export-style-row">
        <select id={`${id}-style`} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {!known && <option value={value}>{value}</option>}
          {styles.map((s) => (
            <option key={s.id} value={s.id}>
              {s.builtin ? s.title : `${s.title} (your .csl file, ${KIND[s.kind]})`}
            </option>
          ))}
        </select>
        <button type="button" disabled={disabled || loading} aria-describedby={error ? `${id}-error` : undefined} onClick={() => file.current?.click()}>
          {loading ? 'Loading style…' : 'Load a .csl file…'}
        </button>
        <input ref={file} type="file" accept=".csl,.xml,application/xml,text/xml" aria-label="Citation style file (.csl)" hidden onChange={(e) => void load(e)} />
      </div>
      <ErrorNote id={`${id}-error`} message={error} />
    </div>
  )
}
