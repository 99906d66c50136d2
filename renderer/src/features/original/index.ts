// The Original view's public face: the shell and the claims layer use these, nothing inside the folder.
export { PdfOriginal } from './pdf/LazyPdfOriginal'
export { WebOriginal } from './web/WebOriginal'
export type { WebMark } from './web/useFrameMarks'
export type { OriginalMark, MarkKind } from './pdf/marks'
export type { OriginalTarget, PageSelection } from './original-props'
export { compact, type Compact } from './compact'
export { locateSelection, type Span } from './locate'
export { hasOriginalView } from './formats'
