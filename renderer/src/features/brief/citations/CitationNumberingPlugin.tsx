import { useLayoutEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister, type EditorState, type NodeMutation } from 'lexical'
import { placementOf } from '@shared/citation-punctuation'
import type { NoteMode, StyleId } from '@shared/dto/briefs'
import { CitationNode } from '../nodes/CitationNode'
import { EvidenceQuoteNode } from '../nodes/EvidenceQuoteNode'
import { requireNodes } from '../nodes/require-nodes'
import { useApi } from '../../../api/context'
import type { Numbering, StyleKind } from './citation-store'
import { useCitationStore } from './CitationStoreContext'
import {
  $collectClusters,
  citationSignature,
  CLUSTER_MEMBER_LABEL,
  DELETED_LABEL,
  fallbackNumbering,
  interimNumbering,
  mayChangeCitations,
  numberingFromFormat,
  numbersByFirstAppearance,
  wholeReply,
  type ClusterUse,
  type StyledReply,
} from './numbering'

const DEBOUNCE_MS = 150

/**
 * Keeps citation labels and the reference list in step with the document, and asks the core to run the
 * style whenever the citations or their order change. A citation inserted or deleted renumbers at once,
 * in the same frame, where the numbers by first appearance are the style's own (numeric styles); other
 * edits that may move citations (new paragraphs, moved sections, undo) are checked shortly after; typing
 * inside text is never checked at all. If the style cannot be run, the stand-in numbering stays.
 */
export function CitationNumberingPlugin({ style, kind: styleKind, notes, briefId }: { style: StyleId; kind: StyleKind; notes: NoteMode; briefId: string }) {
  const [editor] = useLexicalComposerContext()
  requireNodes(editor, 'CitationNumberingPlugin', [CitationNode, EvidenceQuoteNode])
  const api = useApi()
  const store = useCitationStore()
  const request = useRef(0)

  // A layout effect, so a brief opens with its numbers in its first frame rather than "…".
  useLayoutEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let lastSignature: string | null = null
    let checked: EditorState | null = null
    // In notes every cluster shows its note's number, as Word numbers them; so labels are of kind "note".
    const kind: StyleKind = placementOf(styleKind, notes) === 'note' ? 'note' : styleKind
    // Until this style shows otherwise, its numbers are those of first appearance per source; note numbers always are.
    let localIsExact = kind !== 'author-date'
    let fresh = true
    // The core's last reply, so the next request asks only for what changed since (in a long brief most labels stay).
    let held: StyledReply | null = null

    const run = (force: boolean) => {
      clearTimeout(timer)
      checked = editor.getEditorState()
      const uses = checked.read($collectClusters)
      const signature = `${style}#${notes}#${citationSignature(uses)}`
      if (!force && signature === lastSignature) return
      lastSignature = signature
      const id = ++request.current
      const local = fallbackNumbering(uses, kind, (use) => store.claim(use.snapshot.claimId).status === 'deleted')
      store.setNumbering(interimNumbering(uses, local, store.getNumbering(), localIsExact))
      if (uses.length === 0) return
      void format(uses).then((numbering) => {
        if (id !== request.current) return
        if (numbering && kind === 'numeric' && localIsExact && !numbersByFirstAppearance(uses, numbering)) localIsExact = false
        store.setNumbering(numbering ?? local)
      })
    }

    const format = async (clusters: ClusterUse[]): Promise<Numbering | null> => {
      const citable = clusters
        .map((c) => ({ id: c.id, claimIds: c.uses.filter((u) => store.claim(u.snapshot.claimId).status !== 'deleted').map((u) => u.snapshot.claimId) }))
        .filter((c) => c.claimIds.length)
      try {
        const since = held && !fresh ? { since: held.answer } : {}
        const result = await api.invoke('citations.format', { style, notes, briefId, fresh, clusters: citable, ...since })
        fresh = false
        const whole = wholeReply(held, result, citable.map((c) => c.id))
        held = whole?.held ?? null
        // Replies that crossed on the way: the changes are not against what is held, so ask for everything.
        if (!whole) return 'since' in since ? format(clusters) : null
        const sent = new Set(citable.map((c) => c.id))
        const numbering = numberingFromFormat(
          clusters.filter((c) => sent.has(c.id)),
          whole.reply,
        )
        if (!numbering) return null
        numbering.kind = kind
        clusters.forEach((c, i) => {
          // Word numbers every note, so the editor's note numbers are the clusters' places, not the style's text.
          if (kind === 'note') numbering.labels.set(c.id, String(i + 1))
          else if (!sent.has(c.id)) numbering.labels.set(c.id, DELETED_LABEL)
          c.uses.slice(1).forEach((u) => numbering.labels.set(u.nodeKey, CLUSTER_MEMBER_LABEL))
        })
        return numbering
      } catch {
        // Deliberately quiet: the stand-in numbering is correct for numeric styles and readable for others.
        return null
      }
    }

    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(() => run(false), DEBOUNCE_MS)
    }

    // Mutation listeners run inside the commit, before the update listeners and before the frame is drawn.
    const onCitations = (mutations: Map<string, NodeMutation>) => {
      for (const mutation of mutations.values()) if (mutation !== 'updated') return run(false)
    }

    run(true)
    const stop = mergeRegister(
      editor.registerMutationListener(CitationNode, onCitations, { skipInitialization: true }),
      editor.registerMutationListener(EvidenceQuoteNode, onCitations, { skipInitialization: true }),
      editor.registerUpdateListener((update) => {
        if (update.editorState !== checked && mayChangeCitations(update)) schedule()
      }),
      api.on('claims.changed', () => {
        fresh = true
        run(true)
      }),
      api.on('sources.changed', () => {
        fresh = true
        run(true)
      }),
    )
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [editor, api, store, style, styleKind, notes, briefId])

  return null
}
