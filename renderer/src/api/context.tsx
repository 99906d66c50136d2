import type { ReactNode } from 'react'
import type { EvidentApi } from '@shared/api'
import { requiredContext } from '../ui/required-context'

// The one way a component reaches the core. The app root hands in whichever door it runs behind; a test hands
// in a typed fake or an in-process core. No default: a component rendered without a provider fails loudly.
const ApiContext = requiredContext<EvidentApi>('useApi', 'ApiProvider')

export function ApiProvider({ api, children }: { api: EvidentApi; children: ReactNode }) {
  return <ApiContext.Provide value={api}>{children}</ApiContext.Provide>
}

export function useApi(): EvidentApi {
  return ApiContext.useRequired()
}
