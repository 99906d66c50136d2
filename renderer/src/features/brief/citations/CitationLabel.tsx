import { useEffect, useId, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection'
import { COMMAND_PRIORITY_LOW, KEY_ENTER_COMMAND, type NodeKey } from 'lexical'
import type { CitationSnapshot } from '../../../../../electron/shared/dto/brief-nodes'
import { CitationCard } from './CitationCard'
import { useCitationKind, useCitationLabel, useClaimLive } from './CitationStoreContext'
import { displayLabel, warningOf } from './labels'
import { useHoverCard } from './useHoverCard'

const CARD_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'Escape'])

/** The live label of one citation, with its card on hover, focus, or when the caret selects it. */
export function CitationLabel({ nodeKey, snapshot }: { nodeKey: NodeKey; snapshot: CitationSnapshot }) {
  const [editor] = useLexicalComposerContext()
  const label = useCitationLabel(nodeKey)
  const live = useClaimLive(snapshot.claimId)
  const [isSelected] = useLexicalNodeSelection(nodeKey)
  const anchor = useRef<HTMLSpanElement>(null)
  const cardRef = useRef<HTMLDivElement>(null)
  const card = useHoverCard(cardRef)
  const cardId = useId()
  const kind = useCitationKind()
  const numeric = kind !== 'author-date'
  const text = displayLabel(label, kind)
  const warning = warningOf(live)
  const { show, close } = card

  const focusCard = () => {
    show()
    requestAnimationFrame(() => cardRef.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus())
  }

  // Reaching the citation with the caret (a node selection) shows its card, as hovering does.
  useEffect(() => {
    if (isSelected) show()
    else if (!anchor.current?.matches(':focus')) close()
  }, [isSelected, show, close])

  // Only the selected citation listens for Enter, so a brief with thousands of citations adds no cost per key.
  useEffect(() => {
    if (!isSelected) return
    return editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        event?.preventDefault()
        focusCard()
        return true
      },
      COMMAND_PRIORITY_LOW,
    )
    // focusCard only touches refs and a stable callback.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, isSelected])

  // Lexical listens for keys on the editor root, which sees a key before React does; handle the card's
  // keys natively here so Enter on a focused label opens the card instead of splitting the paragraph.
  useEffect(() => {
    const el = anchor.current
    if (!el) return
    const onKey = (event: KeyboardEvent) => {
      if (!CARD_KEYS.has(event.key)) return
      event.preventDefault()
      event.stopPropagation()
      if (event.key === 'Escape') close()
      else focusCard()
    }
    el.addEventListener('keydown', onKey)
    return () => el.removeEventListener('keydown', onKey)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [close])

  const onCardClose = (returnFocus: boolean) => {
    close()
    // Back to writing, with the citation still selected where the caret left it.
    if (returnFocus) editor.focus()
  }

  return (
    <>
      <span
        ref={anchor}
        role="button"
        // Not a Tab stop: a long brief would trap Tab in its citations. The caret reaches a citation instead
        // (arrow keys select it and show its card, Enter moves into the card); Back focuses it directly.
        tabIndex={-1}
        className={`citation${numeric ? ' citation-numeric' : ' citation-author-date'}${warning ? ' citation-warning' : ''}${isSelected ? ' citation-selected' : ''}`}
        aria-label={`Citation ${text}: ${snapshot.statement}${warning ? ` — warning: ${live.status === 'deleted' ? 'claim deleted' : 'claim orphaned'}` : ''}`}
        aria-haspopup="dialog"
        aria-expanded={card.open}
        aria-controls={card.open ? cardId : undefined}
        data-claim-id={snapshot.claimId}
        data-citation-key={nodeKey}
        onMouseEnter={() => card.show(card.hoverDelay)}
        onMouseLeave={() => card.hide()}
        onFocus={() => card.show()}
        onBlur={(e) => {
          if (!cardRef.current?.contains(e.relatedTarget as Node | null)) card.hide()
        }}
      >
        {numeric ? <sup>{text}</sup> : text}
        {warning && text !== '?' && (
          <span className="citation-warning-mark" aria-hidden="true">
            !
          </span>
        )}
      </span>
      {card.open && (
        <CitationCard
          id={cardId}
          nodeKey={nodeKey}
          snapshot={snapshot}
          label={text}
          live={live}
          anchor={anchor}
          cardRef={cardRef}
          onClose={onCardClose}
          onPointer={card.pointer}
        />
      )}
    </>
  )
}
