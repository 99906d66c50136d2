import type { EvidentApi } from '@shared/api'
import { createHttpApi } from './http-client'

export { EvidentError, toEvidentError } from './errors'

/** What the Electron preload puts on window; absent in browser mode. */
interface PreloadGlobals {
  evident?: EvidentApi
}

function preload(): PreloadGlobals {
  const globals: Window & PreloadGlobals = window
  return globals
}

/**
 * The door this page runs behind, called once by the app root and handed down through <ApiProvider>:
 * both doors give the same typed contract, so nothing below the root learns which one it is.
 */
export function connectApi(): EvidentApi {
  return preload().evident ?? createHttpApi()
}
