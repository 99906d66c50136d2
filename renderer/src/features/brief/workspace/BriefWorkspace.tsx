import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { $createNodeSelection, $getNodeByKey, $setSelection, type NodeKey } from 'lexical'
import { useToast } from '../../../ui/Toast'
import { useWindowEvent } from '../../../ui/window-events'
import { COMMENT_STARTED_EVENT, NEW_BRIEF_EVENT } from '../events'
import { BriefNavigationProvider, type BriefNavigation } from '../citations/navigation'
import { BriefEditor } from '../editor/BriefEditor'
import { BriefDialogs } from './BriefDialogs'
import { BriefHeader, type BriefDialogKind } from './BriefHeader'
import { SidePanel, type SideTab } from './SidePanel'
import { UndoBar } from './UndoBar'
import { useBriefList } from './useBriefList'
import { useBriefSession } from './useBriefSession'
import '../brief.css'
import '../editor/editor.css'
import '../panes.css'
import '../popovers.css'
import './forms.css'

const SIDE_KEY = 'evident.brief.side'

function rememberedSide(): SideTab | null {
  const tab = localStorage.getItem(SIDE_KEY)
  return tab === 'outline' || tab === 'evidence' || tab === 'comments' ? tab : null
}

interface Props {
  /** Whether the brief has the window (the shell's focus mode), and the way to toggle it. */
  focusMode: boolean
  onFocusMode(): void
  /** The shell's divider, drawn at the pane's left edge. */
  edge?: ReactNode
  /** Why the project cannot be changed (it is open read-only), or null: the editor, New brief and the brief actions are off. */
  readOnly?: string | null
}

/** The Brief pane: choose, create and manage briefs, and write the open one with the evidence beside it. */
export function BriefWorkspace({ focusMode, onFocusMode, edge, readOnly = null }: Props) {
  const toast = useToast()
  const list = useBriefList()
  const session = useBriefSession(list)
  const [dialog, setDialog] = useState<BriefDialogKind | null>(null)
  const [side, setSide] = useState<SideTab | null>(rememberedSide)
  const [returnTo, setReturnTo] = useState<{ nodeKey: NodeKey; scrollTop: number } | null>(null)
  const scroller = useRef<HTMLDivElement>(null)
  const { doc } = session
  const current = useMemo(() => list.briefs.find((b) => b.id === doc?.id) ?? doc, [list.briefs, doc])
  const style = list.styles.find((s) => s.id === current?.style)
  const question = list.questions.find((q) => q.id === current?.questionId) ?? null

  const navigation = useMemo<BriefNavigation>(
    () => ({ rememberCitation: (nodeKey) => setReturnTo({ nodeKey, scrollTop: scroller.current?.scrollTop ?? 0 }) }),
    [],
  )

  // "Back" after following a citation: the same scroll position, and the citation selected and focused.
  const back = useCallback(() => {
    const editor = session.editorRef.current
    if (!returnTo || !editor) return
    if (scroller.current) scroller.current.scrollTop = returnTo.scrollTop
    editor.update(() => {
      if (!$getNodeByKey(returnTo.nodeKey)) return
      const selection = $createNodeSelection()
      selection.add(returnTo.nodeKey)
      $setSelection(selection)
    })
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-citation-key="${returnTo.nodeKey}"]`)?.focus({ preventScroll: true }))
    setReturnTo(null)
  }, [returnTo, session.editorRef])

  useEffect(() => setReturnTo(null), [session.mount])
  useWindowEvent(NEW_BRIEF_EVENT, () => setDialog('new'))
  useWindowEvent(COMMENT_STARTED_EVENT, () => chooseSide('comments'))

  function chooseSide(tab: SideTab | null) {
    localStorage.setItem(SIDE_KEY, tab ?? '')
    setSide(tab)
  }

  const onEditorError = useCallback((error: Error) => toast.error(error), [toast])
  const run = (action: () => Promise<void>) => () => void action().catch((e: unknown) => toast.error(e))

  return (
    // Beside the reader the brief is complementary; in focus mode it is the window's main content. A section can be
    // either without remounting the editor.
    <section role={focusMode ? 'main' : 'complementary'} className="pane brief-pane brief-workspace" aria-label="Brief" data-own-find="">
      {edge}
      <BriefHeader
        briefs={list.briefs}
        current={current}
        styleTitle={style?.title ?? current?.style ?? ''}
        status={session.status}
        focusMode={focusMode}
        canGoBack={returnTo !== null}
        onOpen={(id) => void session.open(id)}
        onDialog={setDialog}
        onDuplicate={run(session.duplicate)}
        onFocusMode={onFocusMode}
        onBack={back}
        readOnly={readOnly}
      />
      {doc?.readOnly && (
        <div className="brief-readonly" role="alert">
          <p>{doc.message ?? 'This brief is read-only.'}</p>
          <button type="button" onClick={() => setDialog('history')}>
            Version history…
          </button>
        </div>
      )}
      {session.loadError && (
        <p className="form-error brief-load-error" role="alert">
          {session.loadError}
        </p>
      )}
      {list.error && !doc && (
        <p className="form-error brief-load-error" role="alert">
          {list.error}
        </p>
      )}
      {doc ? (
        <BriefNavigationProvider value={navigation}>
          <BriefEditor
            key={`${doc.id}#${session.mount}`}
            doc={doc}
            style={current?.style ?? doc.style}
            kind={style?.kind ?? 'numeric'}
            notes={current?.notes ?? doc.notes}
            layout={current?.layout ?? doc.layout}
            onStatus={session.reportSaveStatus}
            onSaved={session.onSaved}
            onError={onEditorError}
            autosave={session.autosave}
            editorRef={session.editorRef}
            scroller={scroller}
            side={<SidePanel tab={side} onTab={chooseSide} questionId={current?.questionId ?? null} questionText={question?.text ?? null} target={(current ?? doc).layout.target} />}
          />
        </BriefNavigationProvider>
      ) : (
        !list.loading &&
        list.briefs.length === 0 && (
          <div className="empty-state">
            <p>No brief yet. Start one from a template, then drag claims into it.</p>
            <button type="button" className="primary" onClick={() => setDialog('new')}>
              New brief
            </button>
          </div>
        )
      )}
      {session.deleted && (
        <UndoBar message={`Deleted “${session.deleted.title}”.`} onUndo={run(session.undoDelete)} onDone={session.clearDeleted} />
      )}
      <BriefDialogs kind={dialog} onClose={() => setDialog(null)} list={list} session={session} current={current} />
    </section>
  )
}
