import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import type { DecoratorNode } from 'lexical'

/** What importJSON receives: stored JSON we cannot trust to match our serialized types. */
export type StoredNodeJSON = Parameters<typeof DecoratorNode.importJSON>[0]

function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback
}

/**
 * Stored briefs are read from disk, so a snapshot may be missing fields or hold the wrong types. Normalising
 * here keeps a damaged citation rendering (with what it has) instead of breaking the whole document.
 */
export function readSnapshot(value: unknown, claimId: string): CitationSnapshot {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  const snapshot: CitationSnapshot = {
    claimId: str(v.claimId, claimId) || claimId,
    statement: str(v.statement),
    quote: str(v.quote),
    sourceId: typeof v.sourceId === 'string' ? v.sourceId : null,
    sourceTitle: str(v.sourceTitle),
    shortCitation: str(v.shortCitation),
    paragraph: typeof v.paragraph === 'number' && Number.isFinite(v.paragraph) ? v.paragraph : 0,
  }
  if (typeof v.page === 'string') snapshot.page = v.page
  return snapshot
}

/** A copy with exactly the contract's keys in a stable order, so exportJSON is byte-for-byte predictable. */
export function cloneSnapshot(s: CitationSnapshot): CitationSnapshot {
  return readSnapshot(s, s.claimId)
}
