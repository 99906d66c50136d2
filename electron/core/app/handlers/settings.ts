import type { Handlers } from '../../../shared/contract/index'
import type { CoreContext } from '../context'

type SettingsHandlers = Pick<Handlers, Extract<keyof Handlers, `settings.${string}`>>

export function settingsHandlers(ctx: CoreContext): SettingsHandlers {
  return {
    'settings.get': async () => ctx.settings.get(),
    'settings.update': async (patch) => ctx.settings.update({
      ...(patch.authorName !== undefined ? { authorName: patch.authorName } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    }),
  }
}
