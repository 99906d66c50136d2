import { useEffect, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useApi } from '../../../api/context'
import { toEvidentError } from '../../../api/errors'
import { openOriginalPdf } from './pdf-document'

export interface PdfState {
  pdf: PDFDocumentProxy | null
  labels: string[] | null
  /** The first page's size at scale 1 (PDF points): every page's box until its own is known. */
  pageSize: { width: number; height: number } | null
  error: string | null
}

const EMPTY: PdfState = { pdf: null, labels: null, pageSize: null, error: null }

/** Opens the source's PDF for the Original view and closes it (and its worker) when the view goes. */
export function usePdfDocument(sourceId: string): PdfState {
  const api = useApi()
  const [state, setState] = useState<PdfState>(EMPTY)
  useEffect(() => {
    let gone = false
    let opened: PDFDocumentProxy | null = null
    setState(EMPTY)
    openOriginalPdf(api, sourceId)
      .then(async ({ pdf, labels }) => {
        opened = pdf
        if (gone) return void pdf.destroy()
        const first = await pdf.getPage(1)
        const { width, height } = first.getViewport({ scale: 1 })
        if (!gone) setState({ pdf, labels, pageSize: { width, height }, error: null })
      })
      .catch((e: unknown) => {
        if (!gone) setState({ ...EMPTY, error: `The original could not be opened: ${toEvidentError(e).message}` })
      })
    return () => {
      gone = true
      void opened?.destroy()
    }
  }, [api, sourceId])
  return state
}
