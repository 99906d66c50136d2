import type { CslItem } from '../../shared/dto/csl'
import type { RecordProvenance } from '../../shared/dto/provenance'
import type { NoteMarker, OcrReading, OcrWord, ParagraphKind, SourceFormat } from '../../shared/dto/sources'

/** One normalised block of a document, before offsets are assigned. */
export interface Block {
  kind: ParagraphKind
  text: string
  /** PDF page label of the page the block starts on. */
  page?: string
  /** Note markers known from the page's layout (raised, smaller digits), as offsets into `text`. */
  markers?: NoteMarker[]
}

/** What an importer makes of a file's bytes: clean blocks plus whatever the file says about itself. */
export interface ExtractedDocument {
  format: SourceFormat
  mime: string
  blocks: Block[]
  /** Record fields pre-filled from the file (meta tags, core properties, PDF info, DOI/URL in the text). */
  metadata: Partial<CslItem>
  /** Where each of those fields came from (see shared/dto/provenance.ts); a field without one is the format's own. */
  provenance?: RecordProvenance
  /**
   * The blocks' `markers` are all the note markers there are (a PDF says where its glyphs sit): the text's
   * own patterns ("level2", "Report 5 predicted") are not guessed from. Bracketed and superscript-character
   * markers are still found in the text.
   */
  markersFromLayout?: boolean
  /** Set when some pages' text was read by OCR from their scans. */
  ocr?: OcrReading
  /** Where OCR's words sit on each page it read (1-based page numbers), kept for the Original view's text layer. */
  ocrWords?: { page: number; lines: OcrWord[][] }[]
}
