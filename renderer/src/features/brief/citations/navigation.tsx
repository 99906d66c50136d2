import { createContext, useContext } from 'react'
import type { NodeKey } from 'lexical'

/** Lets a citation card tell the workspace where to come back to after "Open in source". */
export interface BriefNavigation {
  rememberCitation(nodeKey: NodeKey): void
}

const BriefNavigationContext = createContext<BriefNavigation>({ rememberCitation: () => undefined })

export const BriefNavigationProvider = BriefNavigationContext.Provider

export function useBriefNavigation(): BriefNavigation {
  return useContext(BriefNavigationContext)
}
