import type { BriefSummary } from '../../../../electron/shared/dto/briefs'

/**
 * Anyone (the top bar, the native menu, the brief editor's own button) asks for the export dialog with this
 * window event, so none of them depends on where the dialog lives. detail.briefId preselects a brief.
 */
export const EXPORT_BRIEF_EVENT = 'evident:export-brief'

export interface ExportBriefDetail {
  briefId?: string
}

export function requestExport(briefId?: string): void {
  window.dispatchEvent(new CustomEvent<ExportBriefDetail>(EXPORT_BRIEF_EVENT, { detail: briefId ? { briefId } : {} }))
}

/**
 * Sent after the export dialog saves a brief's style or notes, so an open editor can refresh its labels
 * without a reload (the core has no brief-changed event).
 */
export const BRIEF_SETTINGS_CHANGED_EVENT = 'evident:brief-settings-changed'

export interface BriefSettingsChangedDetail {
  brief: BriefSummary
}
