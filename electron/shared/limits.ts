/** Limits shared by every door, so the UI can say them before the core refuses. */
export const MAX_IMPORT_FILE_BYTES = 100 * 1024 * 1024
export const MAX_IMPORT_BATCH_FILES = 2000
/** Addresses in one Import from an address: each is fetched in turn, so more is better done in batches. */
export const MAX_IMPORT_ADDRESSES = 200
export const MAX_ADDRESS_CHARS = 4000
/** Cap on bytes actually inflated from a .docx (zip bombs declare small sizes and inflate huge). */
export const MAX_DOCX_INFLATED_BYTES = 200 * 1024 * 1024
/** The largest piece of an original file one call returns (the Original view reads PDFs in such pieces). */
export const MAX_ORIGINAL_RANGE_BYTES = 4 * 1024 * 1024
export const MAX_QUOTE_CHARS = 5000
export const MAX_STATEMENT_CHARS = 5000
export const MAX_NOTE_CHARS = 20000
export const MAX_SEARCH_QUERY_CHARS = 500
/** Claims cited in one go: a dragged cluster or a pasted passage of a brief. */
export const MAX_SNAPSHOT_CLAIMS = 5000
export const MAX_NAME_CHARS = 200
export const MAX_PATH_CHARS = 4096
export const MAX_CSL_STYLE_BYTES = 2 * 1024 * 1024
export const MAX_REFERENCE_FILE_BYTES = 20 * 1024 * 1024
export const MAX_BRIEF_JSON_BYTES = 50 * 1024 * 1024
export const ANCHOR_CONTEXT_CHARS = 32
/** A PDF page's place in its file, at most: far past any real report (pdf.js reads 1,500 pages at ease). */
export const MAX_PDF_PAGE = 100_000
/** A quote's rectangles on its page, one per line: a 5,000-character quote fills a page in well under this. */
export const MAX_PDF_RECTS = 200
/** PDF user space coordinates, at most this far from 0: a page is at most 14,400 units a side, even moved. */
export const MAX_PDF_COORDINATE = 100_000
/** Places the Original view reports in one claims.placeOnPages call. */
export const MAX_PDF_FINDINGS = 500
/** Words kept of one scanned page's OCR: a dense page of small print holds about 1,000. */
export const MAX_OCR_WORDS_PER_PAGE = 4000
/** Characters kept of one OCR word: longer is noise read as one word. */
export const MAX_OCR_WORD_CHARS = 64
export const PROJECT_EXTENSION = '.evident'
/** Items restored or deleted forever in one request. */
export const MAX_TRASH_IDS = 1000
/** The largest saved page the Original view lays out as it was saved (a bigger one is read in the clean text). */
export const MAX_SHOWN_PAGE_BYTES = 10 * 1024 * 1024
/** The most sanitised HTML one Original view may be (a .docx's pictures are in it as data: addresses). */
export const MAX_ORIGINAL_VIEW_CHARS = 60 * 1024 * 1024
/** The largest picture a brief may carry: enough for a chart exported at print resolution, small enough for a Word file. */
export const MAX_FIGURE_BYTES = 10 * 1024 * 1024
/** Pixels in one picture (width × height): past this, decoding it costs hundreds of MB in Word and in the window. */
export const MAX_FIGURE_PIXELS = 50_000_000
/**
 * An SVG figure is drawn as a PNG at twice its own size (sharp in print, shown at its own size), but never
 * past these: a drawing that says it is 100,000 px square is drawn smaller, not given gigabytes.
 */
export const MAX_SVG_RASTER_SIDE = 4096
export const MAX_SVG_RASTER_PIXELS = 16_000_000
export const MAX_ALT_TEXT_CHARS = 1000
export const MAX_CAPTION_CHARS = 1000
