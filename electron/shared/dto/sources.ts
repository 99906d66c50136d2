import type { SourceUpdates } from './source-updates'
import type { CslItem } from './csl'
import type { RecordProvenance } from './provenance'

export type SourceFormat = 'txt' | 'md' | 'html' | 'docx' | 'pdf'

export interface SourceSummary {
  id: string
  title: string
  /** "Jones R, Smith A" — for lists; the full record is in csl. */
  authors: string
  year: string
  type: string
  format: SourceFormat
  fileName: string
  paragraphCount: number
  claimCount: number
  importedAt: string
  /** Known only by its record, from a reference file: no text yet, cited as a whole work until one is attached. */
  referenceOnly: boolean
  /** What Check sources last learned from Crossref about its DOI (retractions, corrections, concerns). */
  updates?: SourceUpdates
}

export type ParagraphKind = 'heading' | 'paragraph'

export interface Paragraph {
  /** 1-based paragraph number shown as ¶ n. */
  number: number
  kind: ParagraphKind
  text: string
  /** Offsets of this paragraph in SourceDetail.text (paragraphs are joined by a blank line). */
  start: number
  end: number
  /** PDF page label of the page this paragraph starts on. */
  page?: string
}

/** A note marker in the original ("Save it. Build it.' 1"): a reference number, not part of the prose. */
export interface NoteMarker {
  start: number
  end: number
  label: string
}

/** Where a source imported from an address came from: the snapshot is the page as it was then. */
export interface WebSnapshot {
  /** The address the analyst gave. */
  address: string
  /** Where the page was found after redirects. */
  finalUrl: string
  fetchedAt: string
}

export interface SourceDetail extends SourceSummary {
  csl: CslItem
  /** Where each field of `csl` came from; a field missing here was imported before Evident recorded it. */
  provenance: RecordProvenance
  text: string
  paragraphs: Paragraph[]
  noteMarkers: NoteMarker[]
  sha256: string
  byteSize: number
  mime: string
  /** Set for a source imported from an address. */
  web?: WebSnapshot
  /** Set when some of its text was read from scanned pages by OCR. */
  ocr?: OcrReading
}

export interface ImportFileData {
  name: string
  dataBase64: string
}

export interface ImportStarted {
  batchId: string
  total: number
}

/** A source whose text was read from scanned pages by OCR, and how sure the reading was. */
export interface OcrReading {
  /** Pages whose text came from OCR. */
  pages: number
  /** Mean word confidence, 0–100, as tesseract gives it. */
  meanConfidence: number
  words: number
  /** Words read with a confidence under 60: worth checking against the original. */
  doubtfulWords: number
  /** Scanned pages OCR found no words on (1-based), marked rather than passed over silently. */
  unreadPages: number[]
}

export interface ImportProgress {
  batchId: string
  /** 1-based index of the file being imported. */
  index: number
  total: number
  fileName: string
  /** What is happening to that file, when it takes a while: "reading scanned page 3 of 10 (OCR)". */
  detail?: string
}

/** What importing one reference file did: entries that matched a source updated its record, the rest became sources. */
export interface ReferenceImport {
  fileName: string
  reading: Omit<ReferenceFileReading, 'records'>
  created: { sourceId: string; title: string }[]
  updated: { sourceId: string; title: string; matchedBy: 'doi' | 'title' }[]
}

export interface ImportSummary {
  batchId: string
  /** Reference files (.bib, .ris, CSL-JSON) in the batch, each with what it did. */
  references?: ReferenceImport[]
  /**
   * doi: one the document gives for itself, which the summary offers to look up. `reattachedClaims`: claims a
   * source with these bytes left orphaned (removed, Trash emptied) that belong to this one again.
   */
  imported: { sourceId: string; fileName: string; title: string; doi?: string; reattachedClaims?: number; ocr?: OcrReading }[]
  duplicates: { fileName: string; existingSourceId: string; existingTitle: string }[]
  /**
   * Files whose bytes are a source in the Trash: not imported again (that would make a second copy beside the
   * one its claims belong to); the summary offers to restore that source instead (`trash.restore` with trashId).
   */
  inTrash?: { fileName: string; trashId: string; sourceId: string; title: string; detail: string }[]
  failed: { fileName: string; code: string; message: string }[]
  cancelled: boolean
}

export interface SourceSearchHit {
  sourceId: string
  sourceTitle: string
  paragraphNumber: number
  /** Snippet text with matches wrapped in SNIPPET_OPEN / SNIPPET_CLOSE markers (never HTML). */
  snippet: string
}

export const SNIPPET_OPEN = '\u0001'
export const SNIPPET_CLOSE = '\u0002'

export interface OriginalFile {
  fileName: string
  mime: string
  sha256: string
  dataBase64: string
}

/** A piece of an original file: `size` is the whole file's, so the first piece tells the reader how much to ask for. */
/**
 * A word OCR read on a scanned page: its text and its box in PDF user space, [x1, y1] its lower left corner and
 * [x2, y2] its upper right, as the page's text runs are placed (so zoom does not matter).
 */
export type OcrWord = [text: string, x1: number, y1: number, x2: number, y2: number]

/** The words OCR read on one page, line by line, in reading order: the Original view's text layer over the scan. */
export interface OcrPageWords {
  /** False for a source read by OCR before Evident kept where its words sit: its scans have no text layer. */
  kept: boolean
  lines: OcrWord[][]
}

export interface OriginalRange {
  fileName: string
  mime: string
  size: number
  offset: number
  dataBase64: string
}

export interface RecordMatch {
  item: CslItem
  /** The source it matched by DOI or title, or null for the analyst to pick. */
  sourceId: string | null
  matchedBy: 'doi' | 'title' | null
}

/** An entry of a reference file that was not read, and why. */
export interface SkippedReference {
  /** Its citation key (BibTeX), id (CSL-JSON) or title (RIS). */
  key: string
  /** The line it starts on, where the format has lines. */
  line?: number
  reason: string
}

/** What reading a reference file found: the records, and what was left out. */
export interface ReferenceFileReading {
  format: 'CSL-JSON' | 'BibTeX' | 'RIS'
  /** Entries found in the file, read or not. */
  read: number
  records: RecordMatch[]
  skipped: SkippedReference[]
  /** Entries read after Evident mended them (a BibTeX entry without a key), and what was mended. */
  repaired: SkippedReference[]
  /** Fields the CSL schema does not define, left out of the records. */
  droppedFields: string[]
  /** How many field values were cut to Evident's limits (a 15 MB abstract). */
  cutFields: number
}

export interface RemoveImpact {
  sourceId: string
  claimCount: number
}

/** What re-importing a new version of a source did to the claims on it. */
export interface NewVersionResult {
  sourceId: string
  /** Still at the same words (possibly moved). */
  anchored: number
  /** Found only approximately: marked "changed in the source", their cited words kept until the analyst decides. */
  changed: number
  /** Gone from the new text: kept and flagged for the analyst to re-attach. */
  orphaned: number
}
