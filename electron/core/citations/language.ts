import type { CslItem } from '../../shared/dto/csl'
import { LOCALE_PATTERN } from '../../shared/dto/settings'

/** The locale a CSL style forces with default-locale on its <style> element (OSCOLA's en-GB), if any. */
export function styleLocale(styleXml: string): string | undefined {
  const root = /<style\b[^>]*>/.exec(styleXml)?.[0] ?? ''
  const value = /\bdefault-locale\s*=\s*["']([^"']+)["']/.exec(root)?.[1]
  return value && LOCALE_PATTERN.test(value) ? value : undefined
}

/**
 * The language the document declares, so Word proofreads in it: the style's own locale when it forces one
 * (its terms, "ibid." and dates are in that language), otherwise the analyst's.
 */
export function documentLanguage(styleXml: string, analystLocale: string): string {
  return styleLocale(styleXml) ?? analystLocale
}

/** A source's language from its record ("de", "fr-FR"), when it is a tag Word understands; CSL leaves it free text. */
export function itemLanguage(item: CslItem | undefined): string | undefined {
  const value = typeof item?.language === 'string' ? item.language.trim() : ''
  return LOCALE_PATTERN.test(value) ? value : undefined
}
