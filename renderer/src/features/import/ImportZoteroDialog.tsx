import { useEffect, useId, useRef, useState } from 'react'
import { MAX_ZOTERO_IMPORT_ITEMS, type ZoteroItem, type ZoteroSearchResult } from '@shared/dto/zotero'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { Dialog } from '../../ui/Dialog'
import { ActionDialogFooter } from '../../ui/DialogFooters'

type Search = { state: 'searching' } | { state: 'found'; result: ZoteroSearchResult } | { state: 'failed'; message: string }

/** What an item would bring: its PDF or snapshot, or its record alone. */
function bringsText(item: ZoteroItem): string {
  const file = item.attachments.find((a) => a.importable && a.contentType === 'application/pdf') ?? item.attachments.find((a) => a.importable)
  if (!file) return 'record only (no PDF or snapshot in Zotero)'
  return `${file.contentType === 'application/pdf' ? 'PDF' : 'snapshot'}: ${file.title}`
}

/**
 * Add from Zotero: searches the analyst's running Zotero (its local API, read-only) and imports the ticked
 * items with their records and files. Opening it searches at once, so a Zotero that is not running, or whose
 * local API is off, is said before the analyst types anything.
 */
export function ImportZoteroDialog({ onImport, onClose }: { onImport: (keys: string[]) => void; onClose: () => void }) {
  const api = useApi()
  const [query, setQuery] = useState('')
  const [search, setSearch] = useState<Search>({ state: 'searching' })
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const asked = useRef(0)
  const hintId = useId()

  async function run(words: string) {
    const ask = ++asked.current
    setSearch({ state: 'searching' })
    try {
      const result = await api.invoke('zotero.search', { query: words })
      if (ask === asked.current) setSearch({ state: 'found', result })
    } catch (error) {
      if (ask === asked.current) setSearch({ state: 'failed', message: toEvidentError(error).message })
    }
  }
  useEffect(() => {
    void run('')
    // Only on opening: later searches are the analyst's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  function toggle(key: string, on: boolean) {
    setChosen((keys) => {
      const next = new Set(keys)
      if (on) next.add(key)
      else next.delete(key)
      return next
    })
  }
  const items = search.state === 'found' ? search.result.items : []
  const tooMany = chosen.size > MAX_ZOTERO_IMPORT_ITEMS
  return (
    <Dialog
      title="Add from Zotero"
      size="large"
      onClose={onClose}
      describedBy={hintId}
      footer={
        <ActionDialogFooter
          actionLabel={chosen.size ? `Import ${chosen.size} item${chosen.size === 1 ? '' : 's'}` : 'Import'}
          onAction={() => onImport([...chosen])}
          onCancel={onClose}
          disabled={chosen.size === 0 || tooMany}
        />
      }
    >
      <form
        className="zotero-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          void run(query)
        }}
      >
        <label>
          Search your Zotero library
          <input type="search" value={query} data-autofocus placeholder="Title, author or year" onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit">Search</button>
      </form>
      <p id={hintId} className="muted">
        Read from Zotero on this computer, never changed. Each ticked item comes in with its record as Zotero has it and its PDF, or else its saved web page.
      </p>
      {search.state === 'searching' && <p role="status">Asking Zotero…</p>}
      {search.state === 'failed' && (
        <p className="import-address-error" role="alert">
          {search.message}
        </p>
      )}
      {search.state === 'found' && (
        <>
          <p role="status" className="muted">
            {items.length === 0
              ? 'No item matches.'
              : search.result.total > items.length
                ? `The ${items.length} most recently changed of ${search.result.total} matching items: add words to narrow the search.`
                : `${items.length} item${items.length === 1 ? '' : 's'}.`}
          </p>
          <ul className="zotero-items" aria-label="Items in your Zotero library">
            {items.map((item) => (
              <li key={item.key}>
                <label>
                  <input type="checkbox" checked={chosen.has(item.key)} onChange={(e) => toggle(item.key, e.target.checked)} />
                  <span className="zotero-item-title">{item.title}</span>
                  <span className="muted">{[item.creators, item.year].filter(Boolean).join(', ')}</span>
                  <span className="zotero-item-file">{bringsText(item)}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {tooMany && (
        <p className="import-address-error" role="alert">
          At most {MAX_ZOTERO_IMPORT_ITEMS} items at once.
        </p>
      )}
    </Dialog>
  )
}
