import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import './figures.css'
import { useLexicalEditable } from '@lexical/react/useLexicalEditable'
import type { NodeKey } from 'lexical'
import { useApi } from '../../../api/context'
import { OPEN_FIGURE_DIALOG_COMMAND } from './figure-commands'
import { useFigureNumber } from './figure-numbers'
import { useFigureUrl } from './figure-url'

interface FigureViewProps {
  nodeKey: NodeKey
  figureId: string
  altText: string
  caption: string
}

/** A figure in the brief: the picture with its alt text, "Figure N: caption" under it, and a way to edit both. */
export function FigureView({ nodeKey, figureId, altText, caption }: FigureViewProps) {
  const [editor] = useLexicalComposerContext()
  const editable = useLexicalEditable()
  const picture = useFigureUrl(useApi(), figureId)
  const number = useFigureNumber(editor, nodeKey)
  const label = `Figure ${number ?? ''}`.trim()
  return (
    <figure className={`brief-figure${altText ? '' : ' brief-figure-no-alt'}`} aria-label={caption ? `${label}: ${caption}` : label}>
      {picture.state === 'ready' && <img className="brief-figure-picture" src={picture.url} width={picture.width} height={picture.height} alt={altText} />}
      {picture.state === 'loading' && <div className="brief-figure-placeholder">Loading the picture…</div>}
      {picture.state === 'failed' && (
        <p className="brief-figure-placeholder" role="note">
          {picture.message}
        </p>
      )}
      <figcaption className="brief-figure-caption">
        <span className="brief-figure-label">{label}</span>
        {caption ? `: ${caption}` : ''}
      </figcaption>
      {!altText && (
        <p className="brief-figure-warning">
          <span aria-hidden="true">⚠ </span>No alt text: describe the picture for readers who cannot see it (Edit figure).
        </p>
      )}
      {editable && (
        <button type="button" className="brief-figure-edit" onClick={() => editor.dispatchCommand(OPEN_FIGURE_DIALOG_COMMAND, nodeKey)}>
          Edit figure…
        </button>
      )}
    </figure>
  )
}
