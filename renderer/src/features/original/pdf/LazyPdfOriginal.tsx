import { lazy, Suspense } from 'react'
import type { PdfOriginalProps } from './PdfOriginal'

// pdf.js is some 400 kB: it is fetched the first time an original is shown, not with the app's first page.
const Loaded = lazy(() => import('./PdfOriginal').then((m) => ({ default: m.PdfOriginal })))

/** The PDF Original view, its code loaded on first use. */
export function PdfOriginal(props: PdfOriginalProps) {
  return (
    <Suspense
      fallback={
        <p className="empty-state" role="status">
          Opening the original…
        </p>
      }
    >
      <Loaded {...props} />
    </Suspense>
  )
}
