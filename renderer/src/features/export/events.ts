import type { BriefSummary } from '@shared/dto/briefs'
import { defineWindowEvent, emitWindowEvent } from '../../ui/window-events'

export interface ExportBriefDetail {
  briefId?: string
}

/**
 * Anyone (the top bar, the native menu, the brief editor's own button) asks for the export dialog with this
 * window event, so none of them depends on where the dialog lives. detail.briefId preselects a brief.
 */
export const EXPORT_BRIEF_EVENT = defineWindowEvent<ExportBriefDetail>('evident:export-brief')

export function requestExport(briefId?: string): void {
  emitWindowEvent(EXPORT_BRIEF_EVENT, briefId ? { briefId } : {})
}

export interface BriefSettingsChangedDetail {
  brief: BriefSummary
}

/**
 * Sent after the export dialog saves a brief's style or notes, so an open editor can refresh its labels
 * without a reload (the core has no brief-changed event).
 */
export const BRIEF_SETTINGS_CHANGED_EVENT = defineWindowEvent<BriefSettingsChangedDetail>('evident:brief-settings-changed')
