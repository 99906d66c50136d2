import { useId } from 'react'
import { NOTE_MODES, type BriefSummary, type NoteMode } from '../../../../electron/shared/dto/briefs'
import type { StyleInfo } from '../../../../electron/shared/dto/citations'
import { StyleField } from './StyleField'

const NOTE_LABELS: Record<NoteMode, { label: string; hint: string }> = {
  footnotes: { label: 'Word footnotes', hint: 'At the foot of each page' },
  endnotes: { label: 'Word endnotes', hint: 'Together at the end of the document' },
  none: { label: 'In-text with a reference list', hint: 'Citations in the sentence, linked to the References' },
}

export interface ExtraOptions {
  includeQuotes: boolean
  appendix: boolean
}

interface Props {
  briefs: BriefSummary[]
  brief: BriefSummary
  styles: StyleInfo[]
  extras: ExtraOptions
  disabled: boolean
  onBrief(id: string): void
  onSettings(change: { style?: string; notes?: NoteMode }): void
  onStyleLoaded(style: StyleInfo): void
  onExtras(extras: ExtraOptions): void
}

export function ExportOptionsForm({ briefs, brief, styles, extras, disabled, onBrief, onSettings, onStyleLoaded, onExtras }: Props) {
  const id = useId()
  return (
    <div className="export-form">
      <div className="export-field">
        <label htmlFor={`${id}-brief`}>Brief</label>
        <select id={`${id}-brief`} value={brief.id} disabled={disabled} onChange={(e) => onBrief(e.target.value)} data-autofocus>
          {briefs.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title} ({b.citationCount === 1 ? '1 citation' : `${b.citationCount} citations`})
            </option>
          ))}
        </select>
      </div>
      <StyleField styles={styles} value={brief.style} disabled={disabled} onChange={(style) => onSettings({ style })} onLoaded={onStyleLoaded} />
      <fieldset className="export-field" disabled={disabled}>
        <legend>Notes</legend>
        {NOTE_MODES.map((mode) => (
          <div key={mode} className="export-choice">
            <input
              id={`${id}-${mode}`}
              type="radio"
              name={`${id}-notes`}
              value={mode}
              checked={brief.notes === mode}
              aria-describedby={`${id}-${mode}-hint`}
              onChange={() => onSettings({ notes: mode })}
            />
            <label htmlFor={`${id}-${mode}`}>{NOTE_LABELS[mode].label}</label>
            <span id={`${id}-${mode}-hint`} className="muted export-choice-hint">
              {NOTE_LABELS[mode].hint}
            </span>
          </div>
        ))}
      </fieldset>
      <fieldset className="export-field" disabled={disabled}>
        <legend>Include</legend>
        <label className="export-choice">
          <input type="checkbox" checked={extras.includeQuotes} onChange={(e) => onExtras({ ...extras, includeQuotes: e.target.checked })} />
          <span>Include the verbatim quote in each note</span>
        </label>
        <label className="export-choice">
          <input type="checkbox" checked={extras.appendix} onChange={(e) => onExtras({ ...extras, appendix: e.target.checked })} />
          <span>Add an Evidence appendix (table of every cited claim)</span>
        </label>
      </fieldset>
    </div>
  )
}
