import { useRef, type ReactNode } from 'react'
import { ReaderClaimLayer } from './ReaderClaimLayer'

/**
 * Wraps the shell's reader without changing its layout (display: contents) so the claim layer has an
 * element that holds the reader's paragraphs: selections, highlights and clicks are all read from there.
 */
export function ReaderWithClaims({ sourceId, children }: { sourceId: string | null; children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null)
  return (
    <div ref={container} className="reader-claims">
      {children}
      <ReaderClaimLayer containerRef={container} sourceId={sourceId} />
    </div>
  )
}
