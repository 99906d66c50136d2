import type { SourceFormat } from '@shared/dto/sources'

/** The formats the Original view can show beside the clean text. */
const SHOWN: ReadonlySet<SourceFormat> = new Set(['pdf', 'html', 'docx'])

export const hasOriginalView = (format: SourceFormat): boolean => SHOWN.has(format)
