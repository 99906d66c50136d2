export { CheckSourcesPanel } from './CheckSourcesPanel'
export { CheckSourcesUi } from './CheckSourcesUi'
export { NoticeList } from './NoticeList'
export { CHECK_SOURCES_EVENT, requestCheckSources } from './events'
