import { useEffect, useId, useRef, useState } from 'react'
import type { ExportResult } from '../../../../electron/shared/dto/citations'
import { Dialog } from '../../ui/Dialog'
import { useToast } from '../../ui/Toast'
import { ExportOptionsForm, type ExtraOptions } from './ExportOptionsForm'
import { AccessibilityReport } from './AccessibilityReport'
import { QuoteReport } from './QuoteReport'
import { useExportFlow } from './useExportFlow'
import { useExportSetup } from './useExportSetup'
import './export.css'

interface Props {
  /** The brief to preselect (the one open in the editor); otherwise the most recently updated. */
  briefId?: string | undefined
  onClose(): void
}

const BUSY_TEXT = { checking: 'Checking every cited quote against its source…', exporting: 'Writing the Word document…' }

export function ExportDialog({ briefId, onClose }: Props) {
  const id = useId()
  const toast = useToast()
  const setup = useExportSetup(briefId)
  const [extras, setExtras] = useState<ExtraOptions>({ includeQuotes: false, appendix: false })
  const body = useRef<HTMLDivElement>(null)

  function exported(result: ExportResult) {
    toast.info(`Exported to ${result.path} — ${result.citations === 1 ? '1 citation' : `${result.citations} citations`}`)
    onClose()
  }
  const flow = useExportFlow({ brief: setup.brief, extras, onExported: exported })
  const { stage, busy } = flow

  // The control that had focus may vanish with the old view (the loading footer, a finished stage): move
  // focus to where the new view starts, or Escape and Tab would go to the inert page behind.
  const view = setup.loading ? 'loading' : stage
  const shownView = useRef(view)
  useEffect(() => {
    const previous = shownView.current
    if (previous === view) return
    shownView.current = view
    const panel = body.current?.closest('.dialog')
    // Just loaded: start at the brief, as on opening. Back from a later stage: at the Export… button.
    const target = previous === 'loading' ? panel?.querySelector<HTMLElement>('[data-autofocus]') : panel?.querySelector<HTMLElement>('[data-export-focus]')
    ;(target ?? panel?.querySelector<HTMLElement>('select, button'))?.focus()
  }, [view])

  const guard = (action: () => Promise<void>) => () => void (busy ? undefined : action())
  const footer = !setup.brief ? (
    <button type="button" onClick={onClose}>
      Close
    </button>
  ) : stage === 'problems' ? (
    <>
      <button type="button" onClick={flow.back} data-export-focus>
        Cancel
      </button>
      <button type="button" className="danger" aria-disabled={busy !== ''} onClick={guard(flow.exportAnyway)}>
        {flow.report?.ok ? 'Export anyway' : 'Export anyway (mark them)'}
      </button>
    </>
  ) : (
    <>
      <button type="button" className="export-check-button" aria-disabled={busy !== ''} onClick={guard(flow.checkQuotes)}>
        Check quotes
      </button>
      <button type="button" onClick={onClose}>
        Cancel
      </button>
      <button type="button" className="primary" aria-disabled={busy !== ''} onClick={guard(flow.start)} data-export-focus>
        {busy === 'exporting' ? 'Exporting…' : 'Export…'}
      </button>
    </>
  )

  return (
    <Dialog title="Export to Word" onClose={onClose} footer={footer}>
      <div ref={body} className="export-body" aria-busy={busy !== ''}>
        {setup.loading && <p className="muted">Loading briefs and citation styles…</p>}
        {setup.loadError && (
          <p className="field-error" role="alert">
            {setup.loadError}
          </p>
        )}
        {!setup.loading && !setup.loadError && !setup.brief && <p>This project has no briefs yet. Create one in the Brief pane, then export it.</p>}
        {setup.brief && stage === 'form' && (
          <>
            <ExportOptionsForm
              briefs={setup.briefs}
              brief={setup.brief}
              styles={setup.styles}
              extras={extras}
              disabled={busy !== ''}
              onBrief={(next) => {
                flow.reset()
                setup.selectBrief(next)
              }}
              onSettings={(change) => void setup.saveSettings(change)}
              onStyleLoaded={(style) => {
                setup.addStyle(style)
                void setup.saveSettings({ style: style.id })
              }}
              onExtras={setExtras}
            />
            {setup.settingsError && (
              <p className="field-error" role="alert">
                {setup.settingsError}
              </p>
            )}
            {flow.report && !busy && (
              <>
                <QuoteReport report={flow.report} headingId={`${id}-report`} />
                <AccessibilityReport report={flow.report} headingId={`${id}-a11y`} onGo={onClose} />
              </>
            )}
          </>
        )}
        {setup.brief && stage === 'problems' && flow.report && (
          <>
            <QuoteReport report={flow.report} headingId={`${id}-problems`} />
            <AccessibilityReport report={flow.report} headingId={`${id}-a11y-problems`} onGo={onClose} />
            <p>
              {flow.report.ok
                ? 'Export anyway writes the document as it is; the accessibility errors stay in it.'
                : 'Export anyway writes the document with each of these citations marked, so a reviewer can see which to check.'}
            </p>
          </>
        )}
        {flow.error && (
          <p className="field-error export-error" role="alert">
            {flow.error}
          </p>
        )}
        <p className="export-busy" role="status">
          {busy ? BUSY_TEXT[busy] : ''}
        </p>
      </div>
    </Dialog>
  )
}
