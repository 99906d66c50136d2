import type Database from 'better-sqlite3'
import type { PageCheckResult, PageQuoteResult } from '../../shared/dto/source-updates'
import type { WebSnapshot } from '../../shared/dto/sources'
import { classifyQuotes } from '../claims/quote-fate'
import { column, query } from '../db/statement'
import { claimNamed, readStored } from '../db/stored'
import { AppError, isAppError } from '../errors'
import { assembleText } from '../sources/assemble'
import { inputFromAddress } from '../sources/address-input'
import type { ExtractedDocument } from '../sources/extracted'
import { sha256Of } from '../sources/import-batch'
import type { DocumentParser } from '../sources/parse/parser'
import type { NewVersionFile } from '../sources/repository'
import { storedAnchor } from '../../shared/stored'
import { newId } from '../ids'

/** A page fetched again and not yet taken: kept in the core until the analyst keeps the snapshot or takes it. */
export interface FetchedPage {
  sourceId: string
  document: ExtractedDocument
  file: NewVersionFile
  web: WebSnapshot
}

interface ClaimRow {
  id: string
  statement: string
  quote: string
  anchor: string
}

/** The stored snapshot's address for each of these sources that came from the web. */
export function webSourcesAmong(db: Database.Database, ids: readonly string[]): { id: string; address: string }[] {
  if (!ids.length) return []
  const rows = query<{ source_id: string; address: string }>(db, 'SELECT source_id, address FROM source_web WHERE source_id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...ids]))
  const byId = new Map(rows.map((r) => [r.source_id, r.address]))
  return ids.filter((id) => byId.has(id)).map((id) => ({ id, address: byId.get(id)! }))
}

/**
 * Fetches a web source's page again (the import's own path: net/fetch, then Readability in a parser process),
 * and says what became of each claim's quote in the new text through the one classification every re-anchor
 * uses. Nothing is written: the fetched page is returned to be kept until the analyst decides.
 */
export async function recheckPage(
  db: Database.Database,
  parser: DocumentParser,
  source: { id: string; title: string; address: string },
  signal?: AbortSignal,
): Promise<{ result: PageCheckResult; page?: FetchedPage }> {
  const base = { sourceId: source.id, sourceTitle: source.title, address: source.address }
  let page: FetchedPage
  try {
    const loaded = await inputFromAddress(source.address).load(signal)
    const fileName = loaded.fileName ?? source.address
    const document = await parser.parse({ fileName, bytes: loaded.bytes, signal, options: loaded.parse })
    page = { sourceId: source.id, document, file: { fileName, bytes: loaded.bytes, sha256: await sha256Of(loaded.bytes) }, web: loaded.web! }
  } catch (error) {
    if (isAppError(error) && error.code === 'CANCELLED') throw error
    return { result: { ...base, outcome: 'not-checked', reason: isAppError(error) ? error.message : 'The page could not be fetched again.', quotes: [] } }
  }
  const oldText = column<string>(db, 'SELECT text FROM sources WHERE id = ?').get(source.id) ?? ''
  const newText = assembleText(page.document.blocks).text
  if (!newText.trim()) return { result: { ...base, outcome: 'not-checked', reason: 'The page now has no readable text, so its quotes could not be checked.', quotes: [] } }
  const rows = query<ClaimRow>(db, 'SELECT id, statement, quote, anchor FROM claims WHERE source_id = ? ORDER BY created_at, rowid').all(source.id)
  const anchors = rows.map((r) => readStored(storedAnchor, r.anchor, () => claimNamed(r.statement)))
  const fates = classifyQuotes(anchors, newText, oldText)
  const quotes: PageQuoteResult[] = rows.map((row, i) => {
    const fate = fates[i]!
    const quote: PageQuoteResult = { claimId: row.id, statement: row.statement, quote: row.quote, fate: fate.fate }
    if (fate.fate === 'changed') return { ...quote, words: fate.words, diff: fate.diff }
    return quote
  })
  const same = newText === oldText
  return {
    result: { ...base, outcome: same ? 'same' : 'different', fetchedAt: page.web.fetchedAt, quotes, ...(same ? {} : { checkId: newId() }) },
    ...(same ? {} : { page }),
  }
}

export function missingPage(): AppError {
  return new AppError('NOT_FOUND', 'That fetched page is no longer held: run Check sources again to fetch it anew.')
}
