import { useId } from 'react'
import type { BriefSummary } from '@shared/dto/briefs'
import type { SaveStatus } from '../editor/autosave'
import { MenuButton } from './MenuButton'
import { SaveStatusView } from './SaveStatusView'
import { requestExport } from '../../export/events'

export type BriefDialogKind = 'new' | 'rename' | 'settings' | 'history' | 'delete'

interface Props {
  briefs: BriefSummary[]
  current: BriefSummary | null
  styleTitle: string
  status: SaveStatus
  focusMode: boolean
  canGoBack: boolean
  onOpen(id: string): void
  onDialog(kind: BriefDialogKind): void
  onDuplicate(): void
  onFocusMode(): void
  onBack(): void
  /** Why the project cannot be changed (it is open read-only), or null. */
  readOnly: string | null
}

/** Which brief is open, the actions on briefs as wholes, and whether the last change is safely stored. */
export function BriefHeader({ briefs, current, styleTitle, status, focusMode, canGoBack, onOpen, onDialog, onDuplicate, onFocusMode, onBack, readOnly }: Props) {
  const selectId = useId()
  const has = current !== null
  return (
    <header className="brief-header">
      <div className="brief-header-row">
        <h2 className="brief-pane-title">
          <label htmlFor={selectId}>Brief</label>
        </h2>
        <select id={selectId} className="brief-select" value={current?.id ?? ''} onChange={(e) => onOpen(e.target.value)} disabled={briefs.length === 0}>
          {briefs.length === 0 && <option value="">No briefs yet</option>}
          {briefs.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </div>
      <div className="brief-header-row brief-header-status">
        {has && <SaveStatusView status={status} />}
        {current && (
          <span className="muted brief-style-name" title={`Citation style: ${styleTitle}`}>
            {styleTitle}
          </span>
        )}
        {canGoBack && (
          <button type="button" className="link brief-back" onClick={onBack}>
            ← Back to the citation
          </button>
        )}
        <span className="brief-header-actions">
          <button type="button" onClick={() => onDialog('new')} disabled={readOnly !== null} title={readOnly ?? undefined}>
            New brief
          </button>
          <MenuButton
            label="Brief actions"
            text="⋯"
            items={[
              { label: 'Rename…', onSelect: () => onDialog('rename'), disabled: !has || readOnly !== null },
              { label: 'Duplicate', onSelect: onDuplicate, disabled: !has || readOnly !== null },
              { label: 'Citation style and settings…', onSelect: () => onDialog('settings'), disabled: !has },
              { label: 'Version history…', onSelect: () => onDialog('history'), disabled: !has },
              { label: 'Export to Word…', onSelect: () => requestExport(current?.id), disabled: !has },
              { label: 'Delete brief', onSelect: () => onDialog('delete'), disabled: !has || readOnly !== null, danger: true },
            ]}
          />
          <button
            type="button"
            className="icon-button brief-focus-toggle"
            aria-pressed={focusMode}
            aria-label="Focus on the brief"
            title={focusMode ? 'Show the sources and the reader again (Ctrl+Shift+F)' : 'Give the brief the window (Ctrl+Shift+F); Ctrl+Shift+L shows the claims'}
            onClick={onFocusMode}
          >
            {focusMode ? '⇥' : '⇤'}
          </button>
        </span>
      </div>
    </header>
  )
}
