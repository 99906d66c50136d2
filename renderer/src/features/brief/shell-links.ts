import { useWindowEvent } from '../../ui/window-events'
import { OPEN_SOURCE_EVENT, type OpenSourceDetail } from './events'

/**
 * For the shell: opens the reader when a brief citation's "Open in source" is chosen. The brief only
 * announces the request (a window event), so it never depends on how the shell lays out its reader.
 */
export function useOpenSourceRequests(open: (sourceId: string, paragraph: number, detail: OpenSourceDetail) => void): void {
  useWindowEvent(OPEN_SOURCE_EVENT, (detail) => {
    if (detail?.sourceId) open(detail.sourceId, detail.paragraph, detail)
  })
}
