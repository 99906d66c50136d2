import type { OriginalView } from '../../../shared/dto/original-view'
import { MAX_DOCX_INFLATED_BYTES, MAX_ORIGINAL_VIEW_CHARS, MAX_SHOWN_PAGE_BYTES } from '../../../shared/limits'
import { AppError, isAppError } from '../../errors'
import { megabytes } from '../extract'
import { docxViewHtml } from './docx'
import { decodeHtml, quietWindow } from './html'
import { sanitiseForView } from './view-sanitise'

/**
 * A saved web page or a .docx laid out for the Original view, from its stored bytes. Runs in a parser process
 * (never in the app's): jsdom, DOMPurify and mammoth meet the untrusted file only there.
 */
export async function renderOriginal(fileName: string, format: OriginalView['format'], bytes: Uint8Array): Promise<OriginalView> {
  if (format === 'html' && bytes.byteLength > MAX_SHOWN_PAGE_BYTES) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `This saved page is ${megabytes(bytes.byteLength)}: the Original view shows pages of at most ${megabytes(MAX_SHOWN_PAGE_BYTES)} as they were saved. Its text is all in the clean text.`,
    )
  }
  let html: string
  try {
    html = format === 'html' ? decodeHtml(fileName, bytes) : await docxViewHtml(fileName, bytes, MAX_DOCX_INFLATED_BYTES)
  } catch (error) {
    if (isAppError(error)) throw error
    throw new AppError('CORRUPT_FILE', `“${fileName}” could not be laid out as it was saved: it looks damaged. Its clean text is unaffected.`, { cause: error })
  }
  // Kept whole (style rules are read from it); jsdom runs none of its scripts and loads nothing.
  const window = await quietWindow(html)
  try {
    const view = await sanitiseForView(window, format)
    if (view.body.length + view.css.length > MAX_ORIGINAL_VIEW_CHARS) {
      throw new AppError('FILE_TOO_LARGE', `“${fileName}” is too large to show as it was saved (its pictures and text come to over ${megabytes(MAX_ORIGINAL_VIEW_CHARS)}). Its text is all in the clean text.`)
    }
    return view
  } finally {
    try {
      window.close()
    } catch {
      // jsdom throws on closing some pages; the view is already out.
    }
  }
}
