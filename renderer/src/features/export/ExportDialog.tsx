import { useEffect, useId, useRef, useState } from 'react'
import { DEFAULT_ADDITIONS } from '@shared/dto/briefs'
import type { ExportResult } from '@shared/dto/citations'
import { Dialog } from '../../ui/Dialog'
import { useToast } from '../../ui/Toast'
import { ExportOptionsForm, type ExportSettings } from './ExportOptionsForm'
import { AccessibilityReport } from './AccessibilityReport'
import { QuoteReport } from './QuoteReport'
import { LeftOutReport } from './LeftOutReport'
import { CheckSourcesPanel } from '../online'
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
  // Another style or note mode picked here is for this export only, unless the analyst asks to keep it.
  const [chosen, setChosen] = useState<Partial<ExportSettings>>({})
  const [keep, setKeep] = useState(false)
  const body = useRef<HTMLDivElement>(null)
  const brief = setup.brief
  const settings: ExportSettings = { style: chosen.style ?? brief?.style ?? '', notes: chosen.notes ?? brief?.notes ?? 'none' }
  const extras = brief?.additions ?? DEFAULT_ADDITIONS

  function exported(result: ExportResult) {
    if (keep && brief && (settings.style !== brief.style || settings.notes !== brief.notes)) void setup.saveSettings(settings)
    toast.info(`Exported to ${result.path} — ${result.citations === 1 ? '1 citation' : `${result.citations} citations`}`)
    onClose()
  }
  const flow = useExportFlow({ brief, settings, extras, onExported: exported })
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
              settings={settings}
              keep={keep}
              extras={extras}
              disabled={busy !== ''}
              onBrief={(next) => {
                flow.reset()
                setChosen({})
                setKeep(false)
                setup.selectBrief(next)
              }}
              onSettings={(change) => setChosen((was) => ({ ...was, ...change }))}
              onKeep={setKeep}
              onStyleLoaded={(style) => {
                setup.addStyle(style)
                setChosen((was) => ({ ...was, style: style.id }))
              }}
              onExtras={(change) => void setup.saveSettings({ additions: change })}
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
                <LeftOutReport report={flow.report} onGo={onClose} />
              </>
            )}
            <CheckSourcesPanel briefId={setup.brief.id} disabled={busy !== ''} onChecked={() => void flow.checkQuotes()} />
          </>
        )}
        {setup.brief && stage === 'problems' && flow.report && (
          <>
            <QuoteReport report={flow.report} headingId={`${id}-problems`} />
            <AccessibilityReport report={flow.report} headingId={`${id}-a11y-problems`} onGo={onClose} />
            <LeftOutReport report={flow.report} onGo={onClose} />
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
