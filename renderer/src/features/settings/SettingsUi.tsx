import { useState } from 'react'
import { useWindowEvent } from '../../ui/window-events'
import { OPEN_SETTINGS_EVENT } from './events'
import { SettingsDialog } from './SettingsDialog'

/** Mounted once by the shell: opens Settings whenever anything asks for it (see requestSettings). */
export function SettingsUi() {
  const [open, setOpen] = useState(false)
  useWindowEvent(OPEN_SETTINGS_EVENT, () => setOpen(true))
  return open ? <SettingsDialog onClose={() => setOpen(false)} /> : null
}
