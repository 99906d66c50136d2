import { defineWindowEvent, emitWindowEvent } from '../../ui/window-events'

/** The Project menu and the native menu's Settings… command both ask for the dialog with this event. */
export const OPEN_SETTINGS_EVENT = defineWindowEvent<Record<string, never>>('evident:open-settings')

export function requestSettings(): void {
  emitWindowEvent(OPEN_SETTINGS_EVENT, {})
}
