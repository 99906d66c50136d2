import { useState } from 'react'
import { Dialog } from '../../ui/Dialog'
import { useWindowEvent } from '../../ui/window-events'
import { CheckSourcesPanel } from './CheckSourcesPanel'
import { CHECK_SOURCES_EVENT } from './events'

/** Mounted once by the shell: the Check sources command opens this for every source in the project. */
export function CheckSourcesUi() {
  const [open, setOpen] = useState(false)
  useWindowEvent(CHECK_SOURCES_EVENT, () => setOpen(true))
  if (!open) return null
  return (
    <Dialog
      title="Check sources"
      onClose={() => setOpen(false)}
      footer={
        <button type="button" onClick={() => setOpen(false)}>
          Close
        </button>
      }
    >
      <CheckSourcesPanel />
    </Dialog>
  )
}
