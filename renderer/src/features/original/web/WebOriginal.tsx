import { useCallback, useMemo, useState, type SyntheticEvent } from 'react'
import type { SourceDetail } from '@shared/dto/sources'
import { frameDocument, styleFrame } from './frame-document'
import { useFrameMarks, type WebMark } from './useFrameMarks'
import { useFrameStep } from './useFrameStep'
import { useShowTarget, useTargetMark } from './useFrameTarget'
import type { OriginalTarget } from '../original-props'
import { useOriginalView } from './useOriginalView'
import './web-original.css'

export interface WebOriginalProps {
  detail: SourceDetail
  marks: WebMark[]
  /** "Open in source" at a quote: the page scrolls to it, marked. */
  target: OriginalTarget | null
  onOpenClaim: (claimId: string) => void
}

/**
 * A saved web page or a .docx as it was saved, beside the clean text. The core's parser process sanitised it;
 * the frame adds two more walls: no allow-scripts in its sandbox (allow-same-origin only, so this component
 * can mark claims in it) and a policy that loads nothing but the page's own pictures.
 */
export function WebOriginal({ detail, marks, target, onOpenClaim }: WebOriginalProps) {
  const { view, error } = useOriginalView(detail.id)
  const [doc, setDoc] = useState<Document | null>(null)
  const srcDoc = useMemo(() => (view ? frameDocument(view, detail.title) : null), [view, detail.title])
  const { place, found } = useFrameMarks(doc, useTargetMark(marks, target), detail)
  useFrameStep(doc, detail.id, place, onOpenClaim)
  useShowTarget(doc, target, marks)

  const onLoad = useCallback(
    (e: SyntheticEvent<HTMLIFrameElement>) => {
      const loaded = e.currentTarget.contentDocument
      if (!loaded || !view) return
      styleFrame(loaded, view)
      setDoc(loaded)
    },
    [view],
  )

  if (error) return <p className="empty-state" role="alert">{error}</p>
  if (!view || !srcDoc) return <p className="empty-state" role="status">Opening the original…</p>
  const what = view.format === 'docx' ? 'Word document' : 'saved page'
  const blocked = view.blocked.images + view.blocked.fonts
  return (
    <div className="web-original">
      <p className="web-original-bar" role="status">
        {`The ${what} as it was saved, with no scripts and nothing loaded from outside`}
        {blocked > 0 && ` (${describeBlocked(view.blocked)} not loaded)`}
        {`. ${found} of ${marks.length} ${marks.length === 1 ? 'claim' : 'claims'} marked.`}
      </p>
      <iframe
        key={detail.id}
        className="web-original-frame"
        title={`Original ${what}: ${detail.title}`}
        sandbox="allow-same-origin"
        referrerPolicy="no-referrer"
        srcDoc={srcDoc}
        onLoad={onLoad}
      />
    </div>
  )
}

function describeBlocked({ images, fonts }: { images: number; fonts: number }): string {
  const parts = [images && `${images} ${images === 1 ? 'image' : 'images'}`, fonts && `${fonts} ${fonts === 1 ? 'font' : 'fonts'}`]
  return parts.filter(Boolean).join(' and ')
}
