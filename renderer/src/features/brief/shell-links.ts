import { useEffect, useRef } from 'react'
import { OPEN_SOURCE_EVENT, type OpenSourceDetail } from './citations/open-source'

/**
 * For the shell: opens the reader when a brief citation's "Open in source" is chosen. The brief only
 * announces the request (a window event), so it never depends on how the shell lays out its reader.
 */
export function useOpenSourceRequests(open: (sourceId: string, paragraph: number, detail: OpenSourceDetail) => void): void {
  const latest = useRef(open)
  useEffect(() => {
    latest.current = open
  })
  useEffect(() => {
    const onOpen = (event: Event) => {
      const detail = (event as CustomEvent<OpenSourceDetail>).detail
      if (detail?.sourceId) latest.current(detail.sourceId, detail.paragraph, detail)
    }
    window.addEventListener(OPEN_SOURCE_EVENT, onOpen)
    return () => window.removeEventListener(OPEN_SOURCE_EVENT, onOpen)
  }, [])
}
