import { useState } from 'react'
import { useWindowEvent } from '../../ui/window-events'
import { ExportDialog } from './ExportDialog'
import { EXPORT_BRIEF_EVENT } from './events'

/** Mounted once by the shell: opens the export dialog whenever anything asks for it (see requestExport). */
export function ExportUi() {
  const [request, setRequest] = useState<{ briefId?: string | undefined; seq: number } | null>(null)

  useWindowEvent(EXPORT_BRIEF_EVENT, (detail) => {
    const briefId = typeof detail?.briefId === 'string' ? detail.briefId : undefined
    // A request naming a brief while the dialog is open starts afresh on it; a bare one keeps the analyst's choices.
    setRequest((r) => (r && !briefId ? r : { briefId, seq: (r?.seq ?? 0) + 1 }))
  })

  if (!request) return null
  return <ExportDialog key={request.seq} briefId={request.briefId} onClose={() => setRequest(null)} />
}
