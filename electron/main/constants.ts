import { CONTENT_SECURITY_POLICY } from '../shared/web'

/** The renderer is served from app://evident/ so it has a real, stable origin instead of file://. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'evident'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** Applied to every response: as a header by the app:// handler and again by session.webRequest. */
export { CONTENT_SECURITY_POLICY }

/**
 * Only with `electron-vite dev`: the React refresh preamble is an inline script, Vite's client puts each
 * imported stylesheet in a <style> element, and hot reload talks over a websocket to the dev server; the
 * packaged policy allows none of these.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const { host } = new URL(devServerUrl)
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ws://${host}`)
}

/** Is this URL one of ours: app://evident/…, or the dev server when running `electron-vite dev`? */
export function createTrustedUrlCheck(devServerUrl?: string): (url: string) => boolean {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null
  return (url) => {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    // app: is not a WHATWG "special" scheme, so its origin reads as "null": compare the parts instead.
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST
    return devOrigin !== null && parsed.origin === devOrigin
  }
}

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/** Links the analyst may follow out of the app (DOIs, source URLs), handed to the system browser. */
export function isExternalLink(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol)
  } catch {
    return false
  }
}
