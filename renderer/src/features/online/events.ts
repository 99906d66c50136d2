import { defineWindowEvent, emitWindowEvent } from '../../ui/window-events'

/** The Check sources command (menu, and later a palette) asks for its dialog with this window event. */
export const CHECK_SOURCES_EVENT = defineWindowEvent<Record<string, never>>('evident:check-sources')

export function requestCheckSources(): void {
  emitWindowEvent(CHECK_SOURCES_EVENT, {})
}
