export { SettingsUi } from './SettingsUi'
export { OPEN_SETTINGS_EVENT, requestSettings } from './events'
