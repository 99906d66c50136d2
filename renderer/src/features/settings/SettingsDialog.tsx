import { useEffect, useId, useState, type FormEvent } from 'react'
import { MAX_AUTHOR_NAME_CHARS, SUGGESTED_LOCALES, type AppSettings } from '@shared/dto/settings'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { Dialog } from '../../ui/Dialog'
import { FormDialogFooter } from '../../ui/DialogFooters'
import { ErrorNote } from '../../ui/ErrorNote'
import { useToast } from '../../ui/Toast'
import './settings.css'

const LOCALE_NAMES: Record<string, string> = {
  'en-GB': 'English (United Kingdom)',
  'en-US': 'English (United States)',
  'en-IE': 'English (Ireland)',
  'en-AU': 'English (Australia)',
  'cy-GB': 'Welsh',
  'fr-FR': 'French (France)',
  'de-DE': 'German (Germany)',
}

/** Set once for every project: the name exported documents carry as their author, and the language they declare. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const api = useApi()
  const toast = useToast()
  const id = useId()
  const formId = `${id}-form`
  const [settings, setSettings] = useState<AppSettings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let live = true
    api.invoke('settings.get', {}).then(
      (s) => live && setSettings(s),
      (e: unknown) => live && setError(toEvidentError(e).message),
    )
    return () => {
      live = false
    }
  }, [api])

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!settings) return
    setBusy(true)
    try {
      await api.invoke('settings.update', settings)
      toast.info('Settings saved.')
      onClose()
    } catch (e) {
      setError(toEvidentError(e).message)
    } finally {
      setBusy(false)
    }
  }

  const locales = settings && !SUGGESTED_LOCALES.some((l) => l === settings.locale) ? [settings.locale, ...SUGGESTED_LOCALES] : SUGGESTED_LOCALES
  return (
    <Dialog title="Settings" onClose={onClose} footer={<FormDialogFooter formId={formId} submitLabel="Save settings" onCancel={onClose} disabled={busy || !settings} />}>
      <form id={formId} className="settings-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          type="text"
          autoComplete="name"
          maxLength={MAX_AUTHOR_NAME_CHARS}
          value={settings?.authorName ?? ''}
          disabled={!settings}
          onChange={(e) => settings && setSettings({ ...settings, authorName: e.target.value })}
          aria-describedby={`${id}-name-hint`}
          data-autofocus
        />
        <p id={`${id}-name-hint`} className="muted settings-hint">
          Exported Word documents name you as their author and last editor.
        </p>
        <label htmlFor={`${id}-locale`}>Language of your documents</label>
        <select
          id={`${id}-locale`}
          value={settings?.locale ?? 'en-GB'}
          disabled={!settings}
          onChange={(e) => settings && setSettings({ ...settings, locale: e.target.value })}
          aria-describedby={`${id}-locale-hint`}
        >
          {locales.map((l) => (
            <option key={l} value={l}>
              {LOCALE_NAMES[l] ?? l}
            </option>
          ))}
        </select>
        <p id={`${id}-locale-hint`} className="muted settings-hint">
          Word proofreads the document in this language, unless its citation style sets its own.
        </p>
        <ErrorNote message={error} className="settings-error" />
      </form>
    </Dialog>
  )
}
