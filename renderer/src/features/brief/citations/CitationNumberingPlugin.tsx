import { useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { mergeRegister } from 'lexical'
import type { StyleId } from '../../../../../electron/shared/dto/briefs'
import { useBriefApi } from '../api-context'
import type { StyleKind } from './citation-store'
import { useCitationStore } from './CitationStoreContext'
import { $collectCitations, citationSignature, fallbackNumbering, numberingFromFormat, type CitationUse } from './numbering'

const DEBOUNCE_MS = 150
const DELETED_LABEL = '?'

/**
 * Keeps citation labels and the reference list in step with the document: on every change (debounced) it
 * reads the citations in document order and asks the core to run the style. Until the answer comes — or
 * if the style cannot be run — the simple stand-in numbering is shown, so the brief never looks broken.
 */
export function CitationNumberingPlugin({ style, kind }: { style: StyleId; kind: StyleKind }) {
  const [editor] = useLexicalComposerContext()
  const api = useBriefApi()
  const store = useCitationStore()
  const request = useRef(0)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let lastSignature: string | null = null

    const run = (force: boolean) => {
      const uses = editor.getEditorState().read($collectCitations)
      const signature = `${style}#${citationSignature(uses)}`
      if (!force && signature === lastSignature) return
      lastSignature = signature
      const id = ++request.current
      const fallback = fallbackNumbering(uses, kind)
      const interim = { ...fallback, labels: new Map(fallback.labels) }
      const previous = store.getNumbering()
      if (!previous.fallback && previous.labels.size > 0 && previous.kind === kind) {
        // Keep the style's own labels and references while the new answer is on its way, so author-date
        // labels do not flicker to the stand-in form on every edit.
        if (kind !== 'numeric') for (const use of uses) {
          const old = previous.labels.get(use.nodeKey)
          if (old !== undefined) interim.labels.set(use.nodeKey, old)
        }
        interim.references = previous.references
        interim.fallback = false
      }
      store.setNumbering(interim)
      if (uses.length === 0) return
      void format(uses).then((numbering) => {
        if (id !== request.current) return
        store.setNumbering(numbering ?? fallback)
      })
    }

    const format = async (uses: CitationUse[]) => {
      const citable = uses.filter((u) => store.claim(u.snapshot.claimId).status !== 'deleted')
      try {
        const result = await api.invoke('citations.format', { style, claimIds: citable.map((u) => u.snapshot.claimId) })
        const numbering = numberingFromFormat(citable, result)
        if (!numbering) return null
        for (const use of uses) if (!numbering.labels.has(use.nodeKey)) numbering.labels.set(use.nodeKey, DELETED_LABEL)
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

    run(true)
    const stop = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
        if (dirtyElements.size > 0 || dirtyLeaves.size > 0) schedule()
      }),
      api.on('claims.changed', () => run(true)),
      api.on('sources.changed', () => run(true)),
    )
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [editor, api, store, style, kind])

  return null
}
