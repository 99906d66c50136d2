import { basename } from 'node:path'
import { reanchorClaims, type ReanchorSummary } from '../claims/reanchor'
import { AppError } from '../errors'
import type { ProjectSession } from '../project/session'
import { assembleText } from '../sources/assemble'
import type { ExtractedDocument } from '../sources/extracted'
import type { NewVersionFile } from '../sources/repository'

export type { NewVersionFile }

/**
 * Re-import of a new version of the same document: the source keeps its id, record and claims; its
 * text, paragraphs, note markers and search index are replaced and every claim is re-anchored, all in
 * one transaction, so a failure leaves the old version and its anchors exactly as they were.
 */
export function replaceSourceText(session: ProjectSession, sourceId: string, document: ExtractedDocument, file?: NewVersionFile): ReanchorSummary {
  const { db, sources } = session
  if (!sources.exists(sourceId)) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
  const assembled = assembleText(document.blocks, document.markersFromLayout)
  if (!assembled.text.trim()) throw new AppError('EMPTY_FILE', `The new version${file ? ` “${basename(file.fileName)}”` : ''} has no readable text.`)
  if (file) {
    const other = sources.findByHash(file.sha256)
    if (other && other.id !== sourceId) throw new AppError('CONFLICT', `That file is already in the project as “${other.title}”.`)
  }
  return db.transaction(() => {
    const summary = reanchorClaims(db, sourceId, assembled.text, assembled.paragraphs)
    sources.replaceText(sourceId, document, assembled, file)
    return summary
  })()
}
