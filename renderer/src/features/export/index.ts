export { ExportUi } from './ExportUi'
export { EXPORT_BRIEF_EVENT, BRIEF_SETTINGS_CHANGED_EVENT, requestExport, type ExportBriefDetail, type BriefSettingsChangedDetail } from './events'
