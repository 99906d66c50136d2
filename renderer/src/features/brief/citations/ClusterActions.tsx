import { useEffect, useRef, useState } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { SKIP_DOM_SELECTION_TAG, type NodeKey } from 'lexical'
import { OPEN_CLAIM_PICKER_COMMAND } from '../insert/ClaimPickerPlugin'
import { $clusterMembers, $moveInCluster, $selectAfterCluster, $splitClusterBefore } from './cluster-edit'
import { excerpt } from './labels'

interface Member {
  key: NodeKey
  statement: string
}

function useCluster(nodeKey: NodeKey): Member[] {
  const [editor] = useLexicalComposerContext()
  const read = () => editor.getEditorState().read(() => $clusterMembers(nodeKey).map((n) => ({ key: n.getKey(), statement: n.getSnapshot().statement })))
  const [members, setMembers] = useState<Member[]>(read)
  useEffect(() => {
    setMembers(read())
    return editor.registerUpdateListener(() => setMembers(read()))
    // read is rebuilt each render from editor and nodeKey, the real dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, nodeKey])
  return members
}

/**
 * The citation card's cluster section: the cluster's citations in order, each movable earlier or later and
 * the cluster splittable before it, and "Add a citation to this cluster…" (the claim picker, at the cluster's
 * end). Buttons that cannot act say so with aria-disabled rather than going away, so focus stays in the card.
 */
export function ClusterActions({ nodeKey, onAdding }: { nodeKey: NodeKey; onAdding(): void }) {
  const [editor] = useLexicalComposerContext()
  const members = useCluster(nodeKey)
  const section = useRef<HTMLElement>(null)
  if (!members.length || !editor.isEditable()) return null

  // The card keeps the focus: the document changes, its caret does not move, and the button pressed keeps
  // the focus once its row has moved (React moves a row by taking it out of the page and putting it back).
  const edit = (change: () => boolean, refocus: string) => {
    editor.update(change, { tag: SKIP_DOM_SELECTION_TAG })
    requestAnimationFrame(() => section.current?.querySelector<HTMLElement>(`[data-refocus="${CSS.escape(refocus)}"]`)?.focus())
  }
  const add = () => {
    onAdding()
    editor.update(() => void $selectAfterCluster(nodeKey), { discrete: true })
    editor.focus(() => editor.dispatchCommand(OPEN_CLAIM_PICKER_COMMAND, undefined))
  }
  const count = members.length
  return (
    <section ref={section} className="citation-card-cluster" aria-label="Cluster">
      <p className="muted">{count === 1 ? 'This citation stands alone.' : `${count} citations in one cluster, in this order:`}</p>
      {count > 1 && (
        <ol className="citation-card-cluster-list">
          {members.map((m, i) => {
            const what = excerpt(m.statement || 'citation', 60)
            return (
              <li key={m.key} aria-current={m.key === nodeKey ? 'true' : undefined}>
                <span className="citation-card-cluster-statement">{what}</span>
                <span className="citation-card-cluster-buttons">
                  <button type="button" aria-label={`Move earlier: ${what}`} aria-disabled={i === 0} data-refocus={`earlier:${m.key}`} onClick={() => i > 0 && edit(() => $moveInCluster(m.key, -1), `earlier:${m.key}`)}>
                    ↑
                  </button>
                  <button type="button" aria-label={`Move later: ${what}`} aria-disabled={i === count - 1} data-refocus={`later:${m.key}`} onClick={() => i < count - 1 && edit(() => $moveInCluster(m.key, 1), `later:${m.key}`)}>
                    ↓
                  </button>
                  {i > 0 && (
                    <button type="button" aria-label={`Split here, before: ${what}`} onClick={() => edit(() => $splitClusterBefore(m.key), 'add')}>
                      Split here
                    </button>
                  )}
                </span>
              </li>
            )
          })}
        </ol>
      )}
      <button type="button" data-refocus="add" onClick={add}>
        Add a citation to this cluster…
      </button>
    </section>
  )
}
