import { useId, useState, type FormEvent } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $insertNodes } from 'lexical'
import type { FigureInfo } from '@shared/dto/figures'
import { MAX_ALT_TEXT_CHARS, MAX_CAPTION_CHARS } from '@shared/limits'
import { useApi } from '../../../api/context'
import { useAttempt } from '../../../api/useAttempt'
import { Dialog } from '../../../ui/Dialog'
import { $restoreSelection } from '../insert/saved-selection'
import { $createFigureNode, $isFigureNode } from '../nodes/FigureNode'
import { useFigureUrl } from './figure-url'
import type { FigureDialogState } from './FigurePlugin'

const PICTURE_FILTERS = [{ name: 'Pictures (PNG, JPEG, SVG)', extensions: ['png', 'jpg', 'jpeg', 'svg'] }]
const ALT_REQUIRED = 'Describe the picture for readers who cannot see it: a figure needs alt text.'

function Preview({ figure }: { figure: FigureInfo }) {
  const picture = useFigureUrl(useApi(), figure.id)
  return (
    <div className="figure-dialog-preview">
      {picture.state === 'ready' ? <img src={picture.url} alt="" /> : <span className="muted">{picture.state === 'failed' ? picture.message : 'Loading…'}</span>}
      <span className="muted">
        {figure.name} · {figure.width} × {figure.height} px
      </span>
    </div>
  )
}

/** Choose the picture (insert only), then its alt text (required) and caption (optional). */
export function FigureDialog({ state, onClose }: { state: FigureDialogState; onClose(): void }) {
  const [editor] = useLexicalComposerContext()
  const api = useApi()
  const id = useId()
  const choosing = useAttempt()
  const [figure, setFigure] = useState<FigureInfo | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [altText, setAltText] = useState(state.mode === 'edit' ? state.fields.altText : '')
  const [caption, setCaption] = useState(state.mode === 'edit' ? state.fields.caption : '')
  const [altError, setAltError] = useState<string | null>(null)
  const [suggestedAlt, setSuggestedAlt] = useState<string | null>(null)

  const choose = () =>
    choosing.attempt(async () => {
      const { files } = await api.invoke('files.pickForReading', { title: 'Insert a figure', filters: PICTURE_FILTERS, multiple: false })
      const file = files[0]
      if (!file) return
      const added = await api.invoke('figures.add', { file: file.handle })
      setFigure(added.figure)
      setNote(added.note ?? null)
      // A drawing's own title starts the alt text only where the analyst has written none; they check it.
      const suggested = added.suggestedAltText
      if (suggested && !altText.trim()) {
        setAltText(suggested)
        setSuggestedAlt(suggested)
      }
    })

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const alt = altText.trim()
    if (state.mode === 'insert' && !figure) {
      choosing.setError('Choose a picture first.')
      return
    }
    if (!alt) {
      setAltError(ALT_REQUIRED)
      return
    }
    editor.update(() => {
      if (state.mode === 'edit') {
        const node = $getNodeByKey(state.nodeKey)
        if ($isFigureNode(node)) node.setText(alt, caption.trim())
        return
      }
      $restoreSelection(state.at)
      $insertNodes([$createFigureNode({ figureId: figure!.id, altText: alt, caption: caption.trim() })])
    })
    onClose()
  }

  function remove() {
    if (state.mode !== 'edit') return
    editor.update(() => $getNodeByKey(state.nodeKey)?.remove())
    onClose()
  }

  return (
    <Dialog
      title={state.mode === 'edit' ? 'Edit figure' : 'Insert a figure'}
      onClose={onClose}
      footer={
        <>
          {state.mode === 'edit' && (
            <button type="button" onClick={remove}>
              Remove figure
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={choosing.busy}>
            {state.mode === 'edit' ? 'Save figure' : 'Insert figure'}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} onSubmit={onSubmit} className="brief-form figure-dialog">
        {state.mode === 'insert' && (
          <div className="figure-dialog-choose">
            <button type="button" onClick={() => void choose()} disabled={choosing.busy} data-autofocus>
              {figure ? 'Choose another picture…' : 'Choose a picture…'}
            </button>
            <span className="muted">PNG, JPEG or SVG, up to 10 MB. An SVG is drawn as a picture; its scripts and links are left out.</span>
          </div>
        )}
        {choosing.error && (
          <p className="form-error" role="alert">
            {choosing.error}
          </p>
        )}
        {note && (
          <p className="form-note" role="status">
            {note}
          </p>
        )}
        {figure && <Preview figure={figure} />}
        <label htmlFor={`${id}-alt`}>Alt text (required)</label>
        <textarea
          id={`${id}-alt`}
          value={altText}
          maxLength={MAX_ALT_TEXT_CHARS}
          rows={3}
          aria-required="true"
          aria-invalid={!!altError}
          aria-describedby={`${id}-alt-hint${altError ? ` ${id}-alt-error` : ''}`}
          {...(state.mode === 'edit' ? { 'data-autofocus': true } : {})}
          onChange={(e) => {
            setAltText(e.target.value)
            setAltError(null)
          }}
        />
        <p id={`${id}-alt-hint`} className="muted">
          What the picture shows, for readers who cannot see it: the finding of a chart, not its colours.
          {suggestedAlt !== null && altText === suggestedAlt && ' Filled in from the drawing’s own title: check that it says this.'}
        </p>
        {altError && (
          <p id={`${id}-alt-error`} className="form-error" role="alert">
            {altError}
          </p>
        )}
        <label htmlFor={`${id}-caption`}>Caption (optional)</label>
        <input id={`${id}-caption`} type="text" value={caption} maxLength={MAX_CAPTION_CHARS} onChange={(e) => setCaption(e.target.value)} />
        <p className="muted">Shown under the picture as “Figure N: caption”; Word numbers the figures.</p>
      </form>
    </Dialog>
  )
}
