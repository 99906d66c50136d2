import type { App, Session, WebContents } from 'electron'
import { isExternalLink } from './constants'

export interface GuardDeps {
  isTrustedUrl: (url: string) => boolean
  openExternal: (url: string) => Promise<void> | void
}

const hardened = new WeakSet<WebContents>()

function openOutside(url: string, deps: GuardDeps): void {
  if (!isExternalLink(url)) return
  void Promise.resolve(deps.openExternal(url)).catch(() => undefined)
}

/** No new windows, no navigation away from our origin, no <webview>: links out go to the system browser. */
export function hardenWebContents(contents: WebContents, deps: GuardDeps): void {
  if (hardened.has(contents)) return
  hardened.add(contents)

  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, deps)
    return { action: 'deny' }
  })

  // A clicked link to a web page opens in the browser; a redirect away from us is simply stopped.
  contents.on('will-navigate', (event) => {
    if (deps.isTrustedUrl(event.url)) return
    event.preventDefault()
    openOutside(event.url, deps)
  })
  contents.on('will-redirect', (event) => {
    if (!deps.isTrustedUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Evident needs no camera, location, notifications or the like: every request and check says no. */
export function hardenSession(session: Session, contentSecurityPolicy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })
}

/** The same lockdown for any webContents that ever appears, not just the ones we create. */
export function installAppGuards(app: Pick<App, 'on'>, deps: GuardDeps): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, deps))
}
