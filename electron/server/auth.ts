import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bearerToken, tokenMatches } from './guard'

const random = () => randomBytes(32).toString('base64url')

/**
 * How browser mode knows its own page, without a secret that outlives its first use:
 * - the address the server prints carries a one-time code (`/?code=…`); the first request with it gets an
 *   HttpOnly, SameSite=Strict session cookie and is sent on to `/`, so history only ever holds a dead code;
 * - the page's API calls and its event stream then carry that cookie, never a token in a URL;
 * - programmatic clients (tests, scripts) use `Authorization: Bearer <token>` with the token the server was
 *   given in EVIDENT_TOKEN, which is never printed and never on a command line.
 */
export class BrowserAuth {
  private readonly codes = new Set<string>()
  private readonly sessions = new Set<string>()

  constructor(
    private readonly token: string,
    private readonly port: () => number,
  ) {}

  /** Cookies are per host, not per port: two Evidents on 127.0.0.1 must not overwrite each other's. */
  private cookieName(): string {
    return `evident-session-${this.port()}`
  }

  /** A fresh one-time code for the start address. */
  issueCode(): string {
    const code = random()
    this.codes.add(code)
    return code
  }

  isAuthorised(req: IncomingMessage): boolean {
    if (tokenMatches(this.token, bearerToken(req))) return true
    const session = this.sessionOf(req)
    return session !== null && this.sessions.has(session)
  }

  /**
   * A page request carrying ?code=: a valid, unused code starts a session; any code is then taken out of the
   * address. Returns true when it answered (a redirect, or a refusal of a dead code to a browser with no session).
   */
  redeemFromPage(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): boolean {
    const code = query.get('code')
    if (code === null) return false
    query.delete('code')
    const rest = query.toString()
    const location = `${path}${rest ? `?${rest}` : ''}`
    if (this.codes.delete(code)) {
      const session = random()
      this.sessions.add(session)
      res.setHeader('Set-Cookie', `${this.cookieName()}=${session}; HttpOnly; SameSite=Strict; Path=/`)
    } else if (!this.isAuthorised(req)) {
      res.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end('This Evident address has already been used (each one works once). Restart browser mode (npm start) for a new address.')
      return true
    }
    res.writeHead(303, { Location: location, 'Cache-Control': 'no-store' })
    res.end()
    return true
  }

  private sessionOf(req: IncomingMessage): string | null {
    const header = req.headers.cookie
    if (typeof header !== 'string') return null
    for (const part of header.split(';')) {
      const [name, ...value] = part.trim().split('=')
      if (name === this.cookieName()) return value.join('=')
    }
    return null
  }
}
