import type { SaveStatus } from '../editor/autosave'

const TIME = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' })

/** "Saved", "Saving…", or what went wrong — always visible, never a pop-up. */
export function SaveStatusView({ status }: { status: SaveStatus }) {
  let text: string
  let tone = ''
  switch (status.kind) {
    case 'saved':
      text = status.at ? `Saved ${TIME.format(status.at)}` : 'Saved'
      break
    case 'saving':
      text = 'Saving…'
      break
    case 'retrying':
      text = `Not saved yet: ${status.message} Retrying…`
      tone = ' save-error'
      break
    case 'conflict':
      text = `Not saved: ${status.message}`
      tone = ' save-error'
      break
    case 'read-only':
      text = 'Read-only'
      tone = ' save-readonly'
  }
  const reason = status.kind === 'read-only' && status.message ? status.message : undefined
  return (
    // The reason is also the banner above the editor; here it is the hover text and what a screen reader hears.
    <span className={`save-status${tone}`} role="status" aria-live="polite" data-save-state={status.kind} title={reason} aria-label={reason ? `${text}: ${reason}` : undefined}>
      {text}
    </span>
  )
}
