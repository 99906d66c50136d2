import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cslDir } from './styles'

export interface LocatorTerms {
  page: string
  paragraph: string
}

const FALLBACK: LocatorTerms = { page: 'p.', paragraph: 'para.' }
const cache = new Map<string, LocatorTerms>()

function shortTerm(xml: string, name: string): string | undefined {
  const term = new RegExp(`<term name="${name}" form="short">([\\s\\S]*?)</term>`).exec(xml)?.[1]
  if (term === undefined) return undefined
  return (/<single>([^<]*)<\/single>/.exec(term)?.[1] ?? term).trim() || undefined
}

/**
 * The locale's short terms for a pinpoint Evident adds ("p.", "para." in en-GB), so the label in a note
 * reads as the style's own do in the text. The locale is the one citeproc formats with; unknown ones fall
 * back to en-GB's terms.
 */
export function locatorTerms(resourcesDir: string, locale: string): LocatorTerms {
  const key = `${resourcesDir}\u0000${locale}`
  const known = cache.get(key)
  if (known) return known
  let terms = FALLBACK
  for (const lang of [locale, 'en-GB']) {
    try {
      const xml = readFileSync(join(cslDir(resourcesDir), 'locales', `locales-${lang}.xml`), 'utf8')
      terms = { page: shortTerm(xml, 'page') ?? FALLBACK.page, paragraph: shortTerm(xml, 'paragraph') ?? FALLBACK.paragraph }
      break
    } catch {
      // Only en-GB and en-US are bundled; a locale named by a style or the analyst may not be.
    }
  }
  cache.set(key, terms)
  return terms
}
