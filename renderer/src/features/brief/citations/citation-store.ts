import type { NodeKey } from 'lexical'
import type { FormattedCitations, StyleInfo } from '@shared/dto/citations'
import type { Claim } from '@shared/dto/claims'

export type StyleKind = StyleInfo['kind']

/** What the analyst should know about a cited claim now, as opposed to when it was cited. */
export type ClaimLive = { status: 'ok' | 'orphaned' | 'changed'; claim: Claim } | { status: 'deleted' } | { status: 'unknown' }

/** "changed": the source no longer says the cited words (the claim keeps them until the analyst decides). */
function liveStatus(claim: Claim): 'ok' | 'orphaned' | 'changed' {
  if (claim.status === 'orphaned') return 'orphaned'
  return claim.quoteChange ? 'changed' : 'ok'
}

const UNKNOWN: ClaimLive = { status: 'unknown' }
const NONE: ReadonlySet<NodeKey> = new Set()

export interface Numbering {
  labels: Map<NodeKey, string>
  references: FormattedCitations['references']
  kind: StyleKind
  /** True when the style could not be run and labels/references are the simple stand-ins. */
  fallback: boolean
  /** The style's locale puts a full stop inside closing quotes (en-US); unknown until the style answers. */
  punctuationInQuote?: boolean
}

/**
 * Live citation data for the labels, kept outside the Lexical document: renumbering after an edit updates
 * this store and repaints only the labels that changed, and never dirties the document (which would
 * trigger autosave and undo entries for something the analyst did not do). It also says which citations
 * the caret has selected, so one listener serves the whole brief instead of one per citation.
 */
export class CitationStore {
  private numbering: Numbering = { labels: new Map(), references: [], kind: 'numeric', fallback: false }
  private live = new Map<string, ClaimLive>()
  private selected: ReadonlySet<NodeKey> = NONE
  private listeners = new Set<() => void>()

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(): void {
    for (const listener of this.listeners) listener()
  }

  setNumbering(numbering: Numbering): void {
    this.numbering = numbering
    this.emit()
  }

  /** Replaces what is known of the cited claims; ids missing from `claims` are known to be deleted. */
  setClaims(ids: string[], claims: Claim[]): void {
    const byId = new Map(claims.map((c) => [c.id, c]))
    const next = new Map<string, ClaimLive>()
    for (const id of ids) {
      const claim = byId.get(id)
      const previous = this.live.get(id)
      const value: ClaimLive = claim ? { status: liveStatus(claim), claim } : { status: 'deleted' }
      // Keep the old object when nothing changed, so useSyncExternalStore does not re-render every label.
      next.set(id, previous && sameLive(previous, value) ? previous : value)
    }
    this.live = next
    this.emit()
  }

  /** The citations (or evidence quotes) in the editor's node selection; emits only when that set changes. */
  setSelected(keys: readonly NodeKey[]): void {
    if (keys.length === this.selected.size && keys.every((k) => this.selected.has(k))) return
    this.selected = keys.length === 0 ? NONE : new Set(keys)
    this.emit()
  }

  isSelected(key: NodeKey): boolean {
    return this.selected.has(key)
  }

  selection(): ReadonlySet<NodeKey> {
    return this.selected
  }

  label(key: NodeKey): string | undefined {
    return this.numbering.labels.get(key)
  }

  getNumbering(): Numbering {
    return this.numbering
  }

  claim(claimId: string): ClaimLive {
    return this.live.get(claimId) ?? UNKNOWN
  }

  claims(): ReadonlyMap<string, ClaimLive> {
    return this.live
  }
}

function sameLive(a: ClaimLive, b: ClaimLive): boolean {
  if (a.status !== b.status) return false
  if ('claim' in a && 'claim' in b) return a.claim.updatedAt === b.claim.updatedAt && a.claim.status === b.claim.status
  return true
}
