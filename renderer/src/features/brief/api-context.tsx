import { createContext, useContext } from 'react'
import type { EvidentApi } from '../../../../electron/shared/api'
import { api } from '../../api/client'

// A context rather than the module singleton, so tests can hand the editor a fake core without a server.
const BriefApiContext = createContext<EvidentApi>(api)

export const BriefApiProvider = BriefApiContext.Provider

export function useBriefApi(): EvidentApi {
  return useContext(BriefApiContext)
}
