import { useMemo, useState, type ReactNode, type RefObject } from 'react'
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import type { LexicalEditor } from 'lexical'
import { placementOf } from '@shared/citation-punctuation'
import type { BriefDocument, BriefSummary, NoteMode } from '@shared/dto/briefs'
import type { BriefLayout } from '@shared/dto/brief-layout'
import { CitationStore, type StyleKind } from '../citations/citation-store'
import { CitationCardPlugin } from '../citations/CitationCardPlugin'
import { CitationClickPlugin } from '../citations/CitationClickPlugin'
import { CitationNumberingPlugin } from '../citations/CitationNumberingPlugin'
import { CitationPunctuationPlugin } from '../citations/CitationPunctuationPlugin'
import { CitationStoreProvider } from '../citations/CitationStoreContext'
import { CitationViewPlugin } from '../citations/CitationViewPlugin'
import { ClaimStatusPlugin } from '../citations/ClaimStatusPlugin'
import { CommentsPlugin } from '../comments/CommentsPlugin'
import { ClaimPickerPlugin } from '../insert/ClaimPickerPlugin'
import { DropPlugin } from '../insert/DropPlugin'
import { FigurePlugin } from '../figures/FigurePlugin'
import { InsertClaimPlugin } from '../insert/InsertClaimPlugin'
import { BriefModelProvider } from '../model/BriefModelContext'
import { BRIEF_NODES } from '../nodes'
import type { SaveStatus } from './autosave'
import { AutosavePlugin, type AutosaveHandle } from './AutosavePlugin'
import { isSafeLinkUrl } from './link'
import { LinkDialogPlugin } from './LinkDialogPlugin'
import { LinkSafetyPlugin } from './LinkSafetyPlugin'
import { LoadBriefPlugin } from './LoadBriefPlugin'
import { ListsPlugin } from './ListsPlugin'
import { ForbiddenCharactersPlugin } from './ForbiddenCharactersPlugin'
import { HouseLayoutPlugin } from './HouseLayoutPlugin'
import { PastePlugin } from './PastePlugin'
import { RevealBlockPlugin } from './RevealBlockPlugin'
import { ShortcutsPlugin } from './ShortcutsPlugin'
import { TablesPlugin } from './TablesPlugin'
import { BRIEF_THEME } from './theme'
import { Toolbar } from './Toolbar'

export interface BriefEditorProps {
  doc: BriefDocument
  style: string
  kind: StyleKind
  notes: NoteMode
  /** The house layout the editor shows (numbers, the key-messages box), as the brief's settings now say. */
  layout: BriefLayout
  onStatus(status: SaveStatus): void
  onSaved(summary: BriefSummary): void
  onError(error: Error): void
  autosave: RefObject<AutosaveHandle | null>
  editorRef: RefObject<LexicalEditor | null>
  scroller: RefObject<HTMLDivElement | null>
  /** The outline and evidence panes, rendered inside the editor's context. */
  side: ReactNode
}

/** One brief in Lexical: the document, its toolbar and plugins, and the side panes that read it. */
export function BriefEditor({ doc, style, kind, notes, layout, onStatus, onSaved, onError, autosave, editorRef, scroller, side }: BriefEditorProps) {
  const [store] = useState(() => new CitationStore())
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'evident-brief',
      nodes: [...BRIEF_NODES],
      theme: BRIEF_THEME,
      editable: !doc.readOnly,
      // Empty until LoadBriefPlugin, after the plugins, puts the brief in (see why there).
      editorState: null,
      onError,
    }),
    // A brief is loaded once per mount; the workspace remounts (by key) to load another or a restored version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  return (
    <CitationStoreProvider store={store}>
      <LexicalComposer initialConfig={initialConfig}>
        <BriefModelProvider>
          <div className="brief-body">
            {side}
            <div className="brief-main">
              <Toolbar />
              <div className="brief-scroll" ref={scroller}>
                <RichTextPlugin
                  contentEditable={
                    <ContentEditable
                      className="brief-editable"
                      aria-label={`Brief: ${doc.title}`}
                      aria-readonly={doc.readOnly}
                      // Read-only, the text is no longer contenteditable and so not focusable: without this a long
                      // brief is a scrolling region the keyboard cannot reach (axe: scrollable-region-focusable).
                      tabIndex={doc.readOnly ? 0 : undefined}
                      aria-placeholder="Write the brief…"
                      placeholder={<div className="brief-placeholder">Write the brief…</div>}
                    />
                  }
                  ErrorBoundary={LexicalErrorBoundary}
                />
              </div>
            </div>
          </div>
          <EditorRefPlugin editorRef={editorRef} />
          <HistoryPlugin />
          <ListsPlugin />
          <TablesPlugin />
          <LinkPlugin validateUrl={isSafeLinkUrl} />
          <LinkSafetyPlugin />
          <PastePlugin />
          <ForbiddenCharactersPlugin />
          <ShortcutsPlugin />
          <LinkDialogPlugin />
          <CommentsPlugin />
          <FigurePlugin />
          <InsertClaimPlugin />
          <DropPlugin />
          <ClaimPickerPlugin />
          <CitationViewPlugin />
          <CitationCardPlugin />
          <CitationClickPlugin />
          <ClaimStatusPlugin />
          <RevealBlockPlugin briefId={doc.id} />
          <HouseLayoutPlugin layout={layout} />
          <CitationNumberingPlugin style={style} kind={kind} notes={notes} briefId={doc.id} />
          <CitationPunctuationPlugin placement={placementOf(kind, notes)} />
          {!doc.readOnly && <AutosavePlugin briefId={doc.id} baseRevision={doc.revision} onStatus={onStatus} onSaved={onSaved} handle={autosave} />}
          {/* Last: its layout effect loads the brief once every plugin above has registered. */}
          <LoadBriefPlugin editorState={doc.content.editorState} />
        </BriefModelProvider>
      </LexicalComposer>
    </CitationStoreProvider>
  )
}
