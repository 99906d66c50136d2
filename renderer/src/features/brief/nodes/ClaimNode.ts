import type { DOMConversionOutput, NodeKey } from 'lexical'
import type { CitationSnapshot, SerializedCitationNode } from '@shared/dto/brief-nodes'
import { BriefDecoratorNode } from './BriefDecoratorNode'
import { cloneSnapshot, readSnapshot } from './snapshot'

/** What a claim-bearing node writes: Lexical's own keys, then the claim id and the snapshot. */
export type SerializedClaimNode = Omit<SerializedCitationNode, 'type'> & { type: string }

/** The attribute a claim-bearing node's HTML carries, so a paste of that HTML brings the citation back. */
export const CLAIM_SNAPSHOT_ATTRIBUTE = 'data-evident-claim'

const EMPTY: CitationSnapshot = Object.freeze(readSnapshot(null, ''))

/**
 * What CitationNode and EvidenceQuoteNode share: each cites one claim and keeps a snapshot of it, so the
 * brief still reads (and exports) if the claim is later deleted. The snapshot is normalised once when it
 * enters the node and never mutated afterwards, so exportJSON can hand it out without copying it.
 */
export abstract class ClaimNode<T> extends BriefDecoratorNode<T> {
  __snapshot: CitationSnapshot

  constructor(snapshot: CitationSnapshot = EMPTY, key?: NodeKey) {
    super(key)
    this.__snapshot = snapshot === EMPTY ? EMPTY : Object.freeze(cloneSnapshot(snapshot))
  }

  override exportJSON(): SerializedClaimNode {
    // Read straight off the node: the serialization walk hands us the current version already. The snapshot
    // is frozen and already in the contract's key order, so it goes out as it is, without a copy.
    const snapshot = this.__snapshot
    return { ...super.exportJSON(), version: 1, claimId: snapshot.claimId, snapshot }
  }

  /** Stored JSON is untrusted: a damaged snapshot is normalised (see readSnapshot) rather than refused. */
  override updateFromJSON(json: { claimId?: unknown; snapshot?: unknown; [key: string]: unknown }): this {
    const node = super.updateFromJSON(json as never).getWritable()
    const claimId = typeof json.claimId === 'string' ? json.claimId : ''
    node.__snapshot = Object.freeze(readSnapshot(json.snapshot, claimId))
    return node
  }

  getClaimId(): string {
    return this.getLatest().__snapshot.claimId
  }

  getSnapshot(): CitationSnapshot {
    return this.getLatest().__snapshot
  }

  setSnapshot(snapshot: CitationSnapshot): this {
    const writable = this.getWritable()
    writable.__snapshot = Object.freeze(cloneSnapshot(snapshot))
    return writable
  }

  /** How the claim reads in plain text (other apps, the clipboard's text/plain): the short citation. */
  protected attribution(): string {
    const snapshot = this.getLatest().__snapshot
    return snapshot.shortCitation || snapshot.sourceTitle
  }

  /** Puts the snapshot on an exported element, so pasting that HTML into a brief restores the node. */
  protected markExported(element: HTMLElement): HTMLElement {
    const snapshot = this.getLatest().__snapshot
    element.setAttribute('data-claim-id', snapshot.claimId)
    element.setAttribute(CLAIM_SNAPSHOT_ATTRIBUTE, JSON.stringify(snapshot))
    return element
  }
}

/** The snapshot an exported element carries, or null if it carries none we can read. */
export function snapshotFromElement(element: HTMLElement): CitationSnapshot | null {
  const raw = element.getAttribute(CLAIM_SNAPSHOT_ATTRIBUTE)
  if (!raw) return null
  try {
    const snapshot = readSnapshot(JSON.parse(raw), element.getAttribute('data-claim-id') ?? '')
    return snapshot.claimId ? snapshot : null
  } catch {
    return null
  }
}

/** A DOM conversion for an exported claim element, building the node with `create`. */
export function claimConversion(create: (snapshot: CitationSnapshot) => ClaimNode<unknown>) {
  return (element: HTMLElement): DOMConversionOutput => {
    const snapshot = snapshotFromElement(element)
    return { node: snapshot ? create(snapshot) : null }
  }
}
