import type { OcrReading } from './dto/sources'

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

/**
 * How a source's OCR went, in the words the reader, the import summary and the CLI all use:
 * "Text from OCR of 10 scanned pages · mean confidence 94% · 12 words read with low confidence · page 7 unread".
 */
export function describeOcr(ocr: OcrReading): string {
  const parts = [`Text from OCR of ${plural(ocr.pages, 'scanned page')}`, `mean confidence ${ocr.meanConfidence}%`]
  if (ocr.doubtfulWords) parts.push(`${plural(ocr.doubtfulWords, 'word')} read with low confidence`)
  if (ocr.unreadPages.length) parts.push(`${ocr.unreadPages.length === 1 ? 'page' : 'pages'} ${ocr.unreadPages.join(', ')} could not be read`)
  return parts.join(' · ')
}
