/**
 * A link's target as a .docx relationship must hold it: a valid URI, so Word, LibreOffice and pandoc all open
 * the same place. WHATWG URL parsing percent-encodes spaces, quotes, angle brackets and non-ASCII in the path
 * and query (and IDNA-encodes the host); a second "#" inside the fragment becomes %23, since Word splits a
 * target at its "#" into an anchor and would otherwise lose the rest. Existing %XX escapes are kept as they are.
 */
export function linkTarget(url: string): string {
  const trimmed = url.trim()
  if (/^mailto:/i.test(trimmed)) return encodeURI(decodeSafely(trimmed))
  let parsed: URL
  try {
    parsed = new URL(trimmed)
  } catch {
    return encodeURI(decodeSafely(trimmed))
  }
  const href = parsed.href
  const hash = href.indexOf('#')
  if (hash < 0) return href
  const fragment = href.slice(hash + 1).replace(/#/g, '%23')
  return `${href.slice(0, hash)}#${fragment}`
}

/** encodeURI would turn an existing "%20" into "%2520"; decode first where that is safe. */
function decodeSafely(text: string): string {
  try {
    return decodeURI(text)
  } catch {
    return text
  }
}
