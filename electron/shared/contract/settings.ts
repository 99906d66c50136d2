import { z } from 'zod'
import { LOCALE_PATTERN, MAX_AUTHOR_NAME_CHARS, type AppSettings } from '../dto/settings'
import { hasXmlForbidden } from '../xml-chars'
import { empty } from './common'

const authorName = z
  .string()
  .trim()
  .max(MAX_AUTHOR_NAME_CHARS, `A name may be at most ${MAX_AUTHOR_NAME_CHARS} characters.`)
  .refine((n) => !hasXmlForbidden(n), 'A name cannot hold control characters: a Word document could not store them.')
const locale = z.string().regex(LOCALE_PATTERN, 'Choose a language such as en-GB (language, then region).')

export const settingsArgs = {
  'settings.get': empty,
  'settings.update': z.object({ authorName: authorName.optional(), locale: locale.optional() }).strict(),
}

export interface SettingsResults {
  'settings.get': AppSettings
  'settings.update': AppSettings
}
