export { BriefWorkspace } from './workspace/BriefWorkspace'
export { OPEN_SOURCE_EVENT, type OpenSourceDetail } from './events'
export { useOpenSourceRequests } from './shell-links'
