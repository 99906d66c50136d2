const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])
const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const EMAIL = /^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/
const HOST = /^[^\s/:@]+\.[^\s/:@]{2,}(?::\d+)?(?:[/?#]\S*)?$/

export type LinkCheck = { ok: true; url: string } | { ok: false; message: string }

/** True only for http, https and mailto addresses (what a brief may link to; never javascript: or file:). */
export function isSafeLinkUrl(url: string): boolean {
  try {
    return ALLOWED_PROTOCOLS.has(new URL(url.trim()).protocol)
  } catch {
    return false
  }
}

/**
 * Turns what the analyst typed into a link address or a reason it was refused. "example.org/x" becomes
 * https://example.org/x and "someone@example.org" a mailto: link; any other scheme is refused by name.
 */
export function checkLinkUrl(input: string): LinkCheck {
  // The URL parser ignores tabs and newlines inside a scheme ("java\tscript:"), so strip them before judging.
  const text = input.replace(/[\t\n\r]/g, '').trim()
  if (!text) return { ok: false, message: 'Type a web address (https://…) or an e-mail address.' }
  const scheme = SCHEME.exec(text)
  // "example.org:8080/x" also matches the scheme pattern; a host name wins.
  const host = HOST.test(text)
  let candidate = text
  if (scheme && !host) {
    if (!ALLOWED_PROTOCOLS.has(`${scheme[1]!.toLowerCase()}:`)) {
      return { ok: false, message: `Links may only be web (http, https) or e-mail (mailto) addresses; “${scheme[1]}:” links are not allowed.` }
    }
  } else if (EMAIL.test(text)) candidate = `mailto:${text}`
  else if (host) candidate = `https://${text}`
  else return { ok: false, message: 'That does not look like a web or e-mail address.' }
  if (!isSafeLinkUrl(candidate)) return { ok: false, message: 'That does not look like a web or e-mail address.' }
  return { ok: true, url: candidate.startsWith('mailto:') ? candidate : new URL(candidate).href }
}
