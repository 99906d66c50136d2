/** What the analyst sets once for every project: who they are, and the language their documents are in. */
export interface AppSettings {
  /** Written into an exported document as its author and last editor; empty until the analyst sets it. */
  authorName: string
  /** BCP 47 tag, e.g. "en-GB": the exported document's language, unless its citation style forces its own. */
  locale: string
}

export const DEFAULT_SETTINGS: AppSettings = { authorName: '', locale: 'en-GB' }

/** The locales offered in Settings; any well-formed tag is accepted from the CLI or a settings file. */
export const SUGGESTED_LOCALES = ['en-GB', 'en-US', 'en-IE', 'en-AU', 'cy-GB', 'fr-FR', 'de-DE'] as const

/** "en", "en-GB", "zh-Hant-TW": language, optional script, optional region. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/

export const MAX_AUTHOR_NAME_CHARS = 200
