import { useId } from 'react'
import { NOTE_MODES, type BriefSummary, type EvidentAdditions, type NoteMode } from '@shared/dto/briefs'
import type { StyleInfo } from '@shared/dto/citations'
import { StyleField } from './StyleField'

const NOTE_LABELS: Record<NoteMode, { label: string; hint: string }> = {
  footnotes: { label: 'Word footnotes', hint: 'At the foot of each page' },
  endnotes: { label: 'Word endnotes', hint: 'Together at the end of the document' },
  none: { label: 'In-text with a reference list', hint: 'Citations in the sentence, linked to the References' },
}

type NoteAddition = Exclude<keyof EvidentAdditions, 'tableOfContents'>

/** Keyed by addition, so a new one cannot reach the dialog without its label; shown in this order. */
const ADDITION_LABELS: Record<NoteAddition, string> = {
  includeQuotes: 'The verbatim quote in each note',
  pinpoints: 'The paragraph or page (para., p.) where the style prints none',
  quoteLinks: '“Go to the quoted words” links to the originals',
  pageLinks: '“Go to the page” links to a PDF original’s page',
  appendix: 'An Evidence appendix (table of every cited claim)',
  comments: 'Comments, as Word comments on the same words (open ones)',
}
const NOTE_ADDITIONS = Object.keys(ADDITION_LABELS) as NoteAddition[]

export interface ExportSettings {
  style: string
  notes: NoteMode
}

interface Props {
  briefs: BriefSummary[]
  brief: BriefSummary
  styles: StyleInfo[]
  /** This export's style and notes: the brief's own unless the analyst picks others here. */
  settings: ExportSettings
  /** Whether other settings chosen here become the brief's own. */
  keep: boolean
  extras: EvidentAdditions
  disabled: boolean
  onBrief(id: string): void
  onSettings(change: Partial<ExportSettings>): void
  onKeep(keep: boolean): void
  onStyleLoaded(style: StyleInfo): void
  onExtras(change: Partial<EvidentAdditions>): void
}

export function ExportOptionsForm(props: Props) {
  const { briefs, brief, styles, settings, keep, extras, disabled, onBrief, onSettings, onKeep, onStyleLoaded, onExtras } = props
  const id = useId()
  const differs = settings.style !== brief.style || settings.notes !== brief.notes
  const briefStyle = styles.find((s) => s.id === brief.style)?.title ?? brief.style
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
      <StyleField styles={styles} value={settings.style} disabled={disabled} onChange={(style) => onSettings({ style })} onLoaded={onStyleLoaded} />
      <fieldset className="export-field" disabled={disabled}>
        <legend>Notes</legend>
        {NOTE_MODES.map((mode) => (
          <div key={mode} className="export-choice">
            <input
              id={`${id}-${mode}`}
              type="radio"
              name={`${id}-notes`}
              value={mode}
              checked={settings.notes === mode}
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
      {differs && (
        <label className="export-choice export-keep">
          <input type="checkbox" checked={keep} disabled={disabled} onChange={(e) => onKeep(e.target.checked)} />
          <span>
            Make these the brief’s style and notes <span className="muted">(otherwise this export only; the brief keeps {briefStyle}, {NOTE_LABELS[brief.notes].label.toLowerCase()})</span>
          </span>
        </label>
      )}
      <fieldset className="export-field" disabled={disabled}>
        <legend>Evident adds after the style’s text</legend>
        {NOTE_ADDITIONS.map((key) => (
          <label key={key} className="export-choice">
            <input type="checkbox" checked={extras[key]} onChange={(e) => onExtras({ [key]: e.target.checked })} />
            <span>{ADDITION_LABELS[key]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="export-field" disabled={disabled}>
        <legend>Contents</legend>
        <label className="export-choice">
          <input type="checkbox" checked={extras.tableOfContents} onChange={(e) => onExtras({ tableOfContents: e.target.checked })} />
          <span>A table of contents after the title (Word updates its page numbers)</span>
        </label>
      </fieldset>
    </div>
  )
}
