/**
 * Characters XML 1.0 cannot carry (its Char production): C0 controls other than tab, newline and carriage
 * return, U+FFFE, U+FFFF and unpaired surrogates. One of them anywhere in a .docx part makes the whole file
 * unreadable to Word and LibreOffice, so import removes them, paste leaves them out and export strips them.
 * With the u flag the surrogate range matches only a lone half; a proper pair is one code point.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu
const ANY_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/u

export function hasXmlForbidden(text: string): boolean {
  return ANY_FORBIDDEN.test(text)
}

export function countXmlForbidden(text: string): number {
  return text.match(FORBIDDEN)?.length ?? 0
}

export function stripXmlForbidden(text: string): string {
  return hasXmlForbidden(text) ? text.replace(FORBIDDEN, '') : text
}

/** "U+FFFE, U+0007": which forbidden characters a text holds, for a message the analyst can act on. */
export function describeXmlForbidden(text: string): string {
  const found = new Set((text.match(FORBIDDEN) ?? []).map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`))
  return [...found].join(', ')
}

/** Every string inside plain data (objects and arrays), stripped; anything else is returned as it is. */
export function stripXmlForbiddenDeep<T>(value: T): T {
  if (typeof value === 'string') return stripXmlForbidden(value) as T
  if (Array.isArray(value)) return value.map((item: unknown) => stripXmlForbiddenDeep(item)) as T
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = stripXmlForbiddenDeep(item)
    return out as T
  }
  return value
}
