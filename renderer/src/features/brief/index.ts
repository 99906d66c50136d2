export { BriefWorkspace } from './workspace/BriefWorkspace'
export { OPEN_SOURCE_EVENT, requestNewBrief, type OpenSourceDetail } from './events'
export { useOpenSourceRequests } from './shell-links'
