import { useEffect, useState } from 'react'
import { ExportDialog } from './ExportDialog'
import { EXPORT_BRIEF_EVENT, type ExportBriefDetail } from './events'

/** Mounted once by the shell: opens the export dialog whenever anything asks for it (see requestExport). */
export function ExportUi() {
  const [request, setRequest] = useState<{ briefId?: string | undefined; seq: number } | null>(null)

  useEffect(() => {
    const onRequest = (event: Event) => {
      const detail = (event as CustomEvent<ExportBriefDetail | null>).detail
      const briefId = typeof detail?.briefId === 'string' ? detail.briefId : undefined
      // A request naming a brief while the dialog is open starts afresh on it; a bare one keeps the analyst's choices.
      setRequest((r) => (r && !briefId ? r : { briefId, seq: (r?.seq ?? 0) + 1 }))
    }
    window.addEventListener(EXPORT_BRIEF_EVENT, onRequest)
    return () => window.removeEventListener(EXPORT_BRIEF_EVENT, onRequest)
  }, [])

  if (!request) return null
  return <ExportDialog key={request.seq} briefId={request.briefId} onClose={() => setRequest(null)} />
}
