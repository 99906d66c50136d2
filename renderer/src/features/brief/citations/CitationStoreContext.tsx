import { useCallback, useSyncExternalStore, type ReactNode } from 'react'
import type { NodeKey } from 'lexical'
import { requiredContext } from '../../../ui/required-context'
import type { CitationStore, ClaimLive, Numbering } from './citation-store'

const CitationStoreContext = requiredContext<CitationStore>('useCitationStore', 'CitationStoreProvider')

export function CitationStoreProvider({ store, children }: { store: CitationStore; children: ReactNode }) {
  return <CitationStoreContext.Provide value={store}>{children}</CitationStoreContext.Provide>
}

export function useCitationStore(): CitationStore {
  return CitationStoreContext.useRequired()
}

export function useCitationLabel(key: NodeKey): string | undefined {
  const store = useCitationStore()
  const get = useCallback(() => store.label(key), [store, key])
  return useSyncExternalStore(store.subscribe, get)
}

export function useNumbering(): Numbering {
  const store = useCitationStore()
  return useSyncExternalStore(store.subscribe, () => store.getNumbering())
}

export function useClaimLive(claimId: string): ClaimLive {
  const store = useCitationStore()
  const get = useCallback(() => store.claim(claimId), [store, claimId])
  return useSyncExternalStore(store.subscribe, get)
}

export function useAllClaims(): ReadonlyMap<string, ClaimLive> {
  const store = useCitationStore()
  return useSyncExternalStore(store.subscribe, () => store.claims())
}

/** Only the style's kind, so labels re-render when the style changes, not on every renumbering. */
export function useCitationKind(): Numbering['kind'] {
  const store = useCitationStore()
  return useSyncExternalStore(store.subscribe, () => store.getNumbering().kind)
}

/** The locale's rule for a full stop beside closing quotes, once the style has answered (en-GB's "outside" until then). */
export function usePunctuationInQuote(): boolean {
  const store = useCitationStore()
  return useSyncExternalStore(store.subscribe, () => store.getNumbering().punctuationInQuote ?? false)
}

export function useCitationSelected(key: NodeKey): boolean {
  const store = useCitationStore()
  const get = useCallback(() => store.isSelected(key), [store, key])
  return useSyncExternalStore(store.subscribe, get)
}

export function useCitationSelection(): ReadonlySet<NodeKey> {
  const store = useCitationStore()
  return useSyncExternalStore(store.subscribe, () => store.selection())
}
