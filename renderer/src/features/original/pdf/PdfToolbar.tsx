import { useEffect, useState, type FormEvent } from 'react'

export interface PdfToolbarProps {
  pageCount: number
  current: number
  zoom: number
  findStatus: string | null
  onGoTo: (page: number) => void
  onZoom: (zoom: number | 'fit') => void
  onFind: (query: string) => void
}

const MIN_ZOOM = 0.25
const MAX_ZOOM = 5

export function PdfToolbar({ pageCount, current, zoom, findStatus, onGoTo, onZoom, onFind }: PdfToolbarProps) {
  const [pageBox, setPageBox] = useState(String(current))
  const [query, setQuery] = useState('')
  const [pageError, setPageError] = useState<string | null>(null)
  useEffect(() => setPageBox(String(current)), [current])

  function goTo(e: FormEvent) {
    e.preventDefault()
    const n = Number(pageBox.trim())
    if (!Number.isInteger(n) || n < 1 || n > pageCount) {
      setPageError(`Pages run from 1 to ${pageCount.toLocaleString('en-GB')}.`)
      return
    }
    setPageError(null)
    onGoTo(n)
  }

  return (
    <div className="pdf-toolbar" role="toolbar" aria-label="Original page controls">
      <form className="pdf-page-box" onSubmit={goTo}>
        <label>
          Page{' '}
          <input
            type="text"
            inputMode="numeric"
            aria-label="Go to page"
            aria-invalid={pageError ? true : undefined}
            value={pageBox}
            onChange={(e) => setPageBox(e.target.value)}
          />
        </label>
        <span className="muted"> of {pageCount.toLocaleString('en-GB')}</span>
      </form>
      <div className="pdf-zoom" role="group" aria-label="Zoom">
        <button type="button" className="icon-button" aria-label="Zoom out" disabled={zoom <= MIN_ZOOM} onClick={() => onZoom(Math.max(MIN_ZOOM, zoom / 1.25))}>
          −
        </button>
        <span className="pdf-zoom-level" aria-live="polite">
          {Math.round(zoom * 100)}%
        </span>
        <button type="button" className="icon-button" aria-label="Zoom in" disabled={zoom >= MAX_ZOOM} onClick={() => onZoom(Math.min(MAX_ZOOM, zoom * 1.25))}>
          +
        </button>
        <button type="button" onClick={() => onZoom('fit')}>
          Fit width
        </button>
      </div>
      <form
        className="pdf-find"
        role="search"
        onSubmit={(e) => {
          e.preventDefault()
          onFind(query)
        }}
      >
        <input type="search" aria-label="Find in the original" placeholder="Find in the original" value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="find-count" role="status">
          {findStatus ?? ''}
        </span>
      </form>
      {pageError && (
        <p className="pdf-toolbar-error" role="alert">
          {pageError}
        </p>
      )}
    </div>
  )
}
