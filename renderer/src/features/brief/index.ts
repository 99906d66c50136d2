export { BriefWorkspace, BACK_TO_BRIEF_EVENT } from './workspace/BriefWorkspace'
export { OPEN_SOURCE_EVENT, type OpenSourceDetail } from './citations/open-source'
export { IMPORT_FILES_EVENT } from './insert/DropPlugin'
export { useOpenSourceRequests } from './shell-links'
