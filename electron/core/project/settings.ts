import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_SETTINGS, LOCALE_PATTERN, MAX_AUTHOR_NAME_CHARS, type AppSettings } from '../../shared/dto/settings'
import { hasXmlForbidden } from '../../shared/xml-chars'
import { AppError } from '../errors'

/**
 * The analyst's settings, a small JSON file beside the recent-projects list, so every door (the window, browser
 * mode, the CLI) exports with the same name and language. A missing or damaged file means the defaults: a
 * setting is never worth refusing to start over.
 */
export class AppSettingsStore {
  private readonly file: string

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'settings.json')
  }

  get(): AppSettings {
    let stored: Record<string, unknown> = {}
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'))
      if (parsed && typeof parsed === 'object') stored = { ...parsed }
    } catch {
      return { ...DEFAULT_SETTINGS }
    }
    const name = typeof stored.authorName === 'string' ? stored.authorName.trim() : ''
    const locale = typeof stored.locale === 'string' ? stored.locale : ''
    return {
      authorName: name.length <= MAX_AUTHOR_NAME_CHARS && !hasXmlForbidden(name) ? name : DEFAULT_SETTINGS.authorName,
      locale: LOCALE_PATTERN.test(locale) ? locale : DEFAULT_SETTINGS.locale,
    }
  }

  update(patch: Partial<AppSettings>): AppSettings {
    const next: AppSettings = { ...this.get(), ...patch }
    try {
      mkdirSync(join(this.file, '..'), { recursive: true })
      const temp = `${this.file}.tmp`
      writeFileSync(temp, JSON.stringify(next, null, 2))
      renameSync(temp, this.file)
    } catch (error) {
      throw new AppError('IO_ERROR', `Your settings could not be saved in “${join(this.file, '..')}” (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`, { cause: error })
    }
    return next
  }
}
