import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, COMMAND_PRIORITY_LOW, KEY_ENTER_COMMAND, mergeRegister, type NodeKey, type NodeMutation } from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import { $isCitationNode, CitationNode } from '../nodes/CitationNode'
import { $isEvidenceQuoteNode, EvidenceQuoteNode } from '../nodes/EvidenceQuoteNode'
import { CitationCard } from './CitationCard'
import { useCitationKind, useCitationLabel, useCitationSelection, useClaimLive } from './CitationStoreContext'
import { displayLabel } from './labels'
import { useHoverCard } from './useHoverCard'

const CARD_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'Escape'])

function labelOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? target.closest<HTMLElement>('.citation[data-citation-key]') : null
}

/**
 * The card of whichever citation is hovered, focused or selected by the caret: one card and one set of
 * listeners on the editor root for the whole brief, rather than one per citation label.
 */
export function CitationCardPlugin() {
  const [editor] = useLexicalComposerContext()
  const selection = useCitationSelection()
  const cardRef = useRef<HTMLDivElement>(null)
  const cardId = useId()
  const { target, show, hide, close, pointer, hoverDelay } = useHoverCard<NodeKey>(cardRef)
  const current = useRef<NodeKey | null>(null)
  const focusPending = useRef(false)

  useEffect(() => {
    current.current = target
  }, [target])

  const anchorOf = useCallback(
    (key: NodeKey): HTMLElement | null => {
      const el = editor.getElementByKey(key)
      if (el?.getAttribute('data-citation-key') === key) return el
      // An evidence quote's label sits inside its block.
      return editor.getRootElement()?.querySelector<HTMLElement>(`[data-citation-key="${CSS.escape(key)}"]`) ?? null
    },
    [editor],
  )

  const focusCard = useCallback(
    (key: NodeKey) => {
      show(key)
      requestAnimationFrame(() => {
        const button = cardRef.current?.querySelector<HTMLElement>('button:not([disabled])')
        if (button) button.focus()
        else focusPending.current = true
      })
    },
    [show],
  )

  // The card was asked for focus before it was on screen.
  useLayoutEffect(() => {
    if (!focusPending.current || !cardRef.current) return
    focusPending.current = false
    cardRef.current.querySelector<HTMLElement>('button:not([disabled])')?.focus()
  })

  // Reaching a citation with the caret (a node selection) shows its card, as hovering does; leaving it
  // closes the card unless the label itself has focus.
  const previous = useRef(selection)
  useEffect(() => {
    const before = previous.current
    previous.current = selection
    const added = [...selection].find((key) => !before.has(key))
    if (added !== undefined) {
      show(added)
      return
    }
    for (const key of before) if (!selection.has(key) && current.current === key && !anchorOf(key)?.matches(':focus')) close()
  }, [selection, show, close, anchorOf])

  // A citation deleted (or undone) while its card is open takes its card with it.
  useEffect(() => {
    const onMutations = (mutations: Map<NodeKey, NodeMutation>) => {
      if (current.current !== null && mutations.get(current.current) === 'destroyed') close()
    }
    const options = { skipInitialization: true }
    return mergeRegister(
      editor.registerMutationListener(CitationNode, onMutations, options),
      editor.registerMutationListener(EvidenceQuoteNode, onMutations, options),
    )
  }, [editor, close])

  // Only while a citation is selected does Enter mean "into its card", so typing elsewhere pays nothing.
  const selectedKey = selection.values().next().value
  useEffect(() => {
    if (selectedKey === undefined) return
    return editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        event?.preventDefault()
        focusCard(selectedKey)
        return true
      },
      COMMAND_PRIORITY_LOW,
    )
  }, [editor, selectedKey, focusCard])

  useEffect(() => {
    const over = (event: MouseEvent) => {
      const label = labelOf(event.target)
      if (label && !label.contains(event.relatedTarget as Node | null)) show(label.dataset.citationKey!, hoverDelay)
    }
    const out = (event: MouseEvent) => {
      const label = labelOf(event.target)
      if (label && !label.contains(event.relatedTarget as Node | null)) hide(label.dataset.citationKey!)
    }
    const focusIn = (event: FocusEvent) => {
      const label = labelOf(event.target)
      if (label) show(label.dataset.citationKey!)
    }
    const focusOut = (event: FocusEvent) => {
      const label = labelOf(event.target)
      if (label && !cardRef.current?.contains(event.relatedTarget as Node | null)) hide(label.dataset.citationKey!)
    }
    // Lexical listens for keys on the root, and would see a key on a focused label before anything on the
    // label could; catching the card's keys on the way down makes Enter open the card, not split the paragraph.
    const keyDown = (event: KeyboardEvent) => {
      const label = labelOf(event.target)
      if (!label || !CARD_KEYS.has(event.key)) return
      event.preventDefault()
      event.stopPropagation()
      if (event.key === 'Escape') close()
      else focusCard(label.dataset.citationKey!)
    }
    const listen = (root: HTMLElement, on: boolean) => {
      const method = on ? root.addEventListener.bind(root) : root.removeEventListener.bind(root)
      method('mouseover', over as EventListener)
      method('mouseout', out as EventListener)
      method('focusin', focusIn as EventListener)
      method('focusout', focusOut as EventListener)
      method('keydown', keyDown as EventListener, true)
    }
    let root: HTMLElement | null = null
    const stop = editor.registerRootListener((next, prev) => {
      if (prev) listen(prev, false)
      if (next) listen(next, true)
      root = next
    })
    return () => {
      stop()
      if (root) listen(root, false)
    }
  }, [editor, show, hide, close, focusCard, hoverDelay])

  const anchor = useMemo(() => (target === null ? null : anchorOf(target)), [target, anchorOf])
  const snapshot = useMemo(
    () =>
      target === null
        ? null
        : editor.getEditorState().read(() => {
            const node = $getNodeByKey(target)
            return $isCitationNode(node) || $isEvidenceQuoteNode(node) ? node.getSnapshot() : null
          }),
    [editor, target],
  )

  useEffect(() => {
    if (!anchor || !snapshot) return
    anchor.setAttribute('aria-expanded', 'true')
    anchor.setAttribute('aria-controls', cardId)
    return () => {
      anchor.setAttribute('aria-expanded', 'false')
      anchor.removeAttribute('aria-controls')
    }
  }, [anchor, snapshot, cardId])

  if (target === null || snapshot === null) return null
  return (
    <OpenCard
      id={cardId}
      nodeKey={target}
      snapshot={snapshot}
      anchor={anchor}
      cardRef={cardRef}
      onPointer={pointer}
      onClose={(returnFocus) => {
        close()
        // Back to writing, with the citation still selected where the caret left it.
        if (returnFocus) editor.focus()
      }}
    />
  )
}

interface OpenCardProps {
  id: string
  nodeKey: NodeKey
  snapshot: CitationSnapshot
  anchor: HTMLElement | null
  cardRef: React.RefObject<HTMLDivElement | null>
  onClose(returnFocus: boolean): void
  onPointer(inside: boolean): void
}

function OpenCard({ nodeKey, snapshot, ...rest }: OpenCardProps) {
  const live = useClaimLive(snapshot.claimId)
  const label = displayLabel(useCitationLabel(nodeKey), useCitationKind())
  return <CitationCard nodeKey={nodeKey} snapshot={snapshot} label={label} live={live} {...rest} />
}
