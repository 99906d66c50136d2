import { z } from 'zod'
import type { PdfPlace, PdfRect } from './dto/claims'
import { MAX_PDF_COORDINATE, MAX_PDF_PAGE, MAX_PDF_RECTS } from './limits'

const RECT_MESSAGE = `A rectangle on a PDF page is four finite numbers (x1, y1, x2, y2 in points), each within ±${MAX_PDF_COORDINATE.toLocaleString('en-GB')}, with x2 > x1 and y2 > y1.`

// zod's number refuses NaN and ±Infinity; the bound refuses the huge ones a damaged or hostile caller sends.
const coordinate = z.number({ error: RECT_MESSAGE }).min(-MAX_PDF_COORDINATE, RECT_MESSAGE).max(MAX_PDF_COORDINATE, RECT_MESSAGE)

const rect: z.ZodType<PdfRect> = z
  .tuple([coordinate, coordinate, coordinate, coordinate], { error: RECT_MESSAGE })
  .refine(([x1, y1, x2, y2]) => x2 > x1 && y2 > y1, RECT_MESSAGE)

/** A page's place in its PDF file. */
export const pdfPage = z
  .number({ error: 'A PDF page is a whole number.' })
  .int('A PDF page is a whole number.')
  .min(1, 'PDF pages are numbered from 1.')
  .max(MAX_PDF_PAGE, `A PDF page number can be at most ${MAX_PDF_PAGE.toLocaleString('en-GB')}.`)

/** A quote's rectangles on its page, one per line. */
export const pdfRects = z
  .array(rect)
  .min(1, 'A quote on a PDF page has at least one rectangle.')
  .max(MAX_PDF_RECTS, `A quote on a PDF page can have at most ${MAX_PDF_RECTS} rectangles (one per line).`)

/** A PDF claim's page and rectangles, as a caller may give them and as a project file must hold them. */
export const pdfPlaceSchema: z.ZodType<PdfPlace> = z.object({ page: pdfPage, rects: pdfRects }).strict()
