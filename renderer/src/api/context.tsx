import { createContext, useContext, type ReactNode } from 'react'
import type { EvidentApi } from '@shared/api'

// The one way a component reaches the core. The app root hands in whichever door it runs behind; a test hands
// in a typed fake or an in-process core. No default: a component rendered without a provider fails loudly.
const ApiContext = createContext<EvidentApi | null>(null)

export function ApiProvider({ api, children }: { api: EvidentApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
}

export function useApi(): EvidentApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('useApi() was called outside <ApiProvider>.')
  return api
}
