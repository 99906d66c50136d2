import { useRef, useState } from 'react'
import { BriefWorkspace, requestNewBrief, useOpenSourceRequests } from './features/brief'
import { ExportUi, requestExport } from './features/export'
import { requestSettings, SettingsUi } from './features/settings'
import { CheckSourcesUi, requestCheckSources } from './features/online'
import { ClaimsProvider } from './features/claims/ClaimsProvider'
import { ReaderWithClaims } from './features/claims/ReaderWithClaims'
import { OriginalWithClaims } from './features/claims/OriginalWithClaims'
import { CiteWholeWorkButton } from './features/claims/CiteWholeWorkButton'
import { hasOriginalView } from './features/original'
import { SideTabs } from './features/claims/SideTabs'
import { ImportUi } from './features/import/ImportUi'
import { useImport } from './features/import/useImport'
import { useProjectInfo } from './features/project/useProjectInfo'
import { Reader, type JumpTarget } from './features/reader/Reader'
import type { SearchBoxHandle } from './features/search/SearchBox'
import { downloadOriginal } from './features/sources/original'
import { SourcesPane } from './features/sources/SourcesPane'
import { useSources } from './features/sources/useSources'
import { defineCommands } from './shell/commands'
import { toggleCaretBrowsing } from './ui/caret/caret-setting'
import { Panes } from './shell/Panes'
import { useFocusMode } from './shell/useFocusMode'
import { TopBar } from './shell/TopBar'
import { useCommands } from './shell/useCommands'
import { useApi } from './api/context'
import { useToast } from './ui/Toast'
import './shell/layout.css'

export function App() {
  const api = useApi()
  const toast = useToast()
  const project = useProjectInfo()
  const sources = useSources()
  const importer = useImport()
  const [selected, setSelected] = useState<string | null>(null)
  const [jump, setJump] = useState<JumpTarget | null>(null)
  const [findRequest, setFindRequest] = useState(0)
  const [projectPath, setProjectPath] = useState('')
  const search = useRef<SearchBoxHandle>(null)
  const focus = useFocusMode()

  // Another project opened: what was selected belongs to the old one.
  if (project && project.path !== projectPath) {
    setProjectPath(project.path)
    if (projectPath) setSelected(null)
  }
  const selectedId = selected && (sources.loading || sources.sources.some((s) => s.id === selected)) ? selected : null

  function openHit(sourceId: string, paragraph: number, quote?: { start: number | null; end: number | null }) {
    // Opening a source needs the reader, which focus mode hides.
    focus.leave()
    setSelected(sourceId)
    const span = quote && quote.start !== null && quote.end !== null ? { start: quote.start, end: quote.end } : undefined
    setJump((j) => ({ sourceId, paragraph, seq: (j?.seq ?? 0) + 1, quote: span }))
  }
  useOpenSourceRequests(openHit)

  // The menu, the shortcuts (and a palette, when there is one) all dispatch through this one registry.
  useCommands(
    defineCommands({
      // A read-only project takes no imports and no new briefs (the core would refuse them too).
      import: { enabled: () => !project?.readOnly, perform: () => void importer.choose() },
      'import-address': { enabled: () => !project?.readOnly, perform: () => importer.openAddressDialog() },
      'import-zotero': { enabled: () => !project?.readOnly, perform: () => importer.openZoteroDialog() },
      export: { perform: () => requestExport() },
      'new-brief': { enabled: () => !project?.readOnly, perform: () => requestNewBrief() },
      'find-in-source': {
        shortcut: { key: 'f', mod: true },
        // The brief editor keeps Ctrl+F for itself.
        enabled: () => selectedId !== null && !document.activeElement?.closest('[data-own-find]'),
        perform: () => setFindRequest((n) => n + 1),
      },
      'find-everywhere': { perform: () => search.current?.focus() },
      'open-original': {
        enabled: () => selectedId !== null,
        perform: () => void (selectedId && downloadOriginal(api, selectedId).catch((e: unknown) => toast.error(e))),
      },
      'focus-mode': { shortcut: { key: 'f', mod: true, shift: true }, perform: focus.toggle },
      'show-claims': { shortcut: { key: 'l', mod: true, shift: true }, perform: focus.showClaims },
      // F7, as browsers switch caret browsing: the reader's text then takes the arrow keys (ui/caret).
      'caret-browsing': { shortcut: { key: 'F7' }, perform: toggleCaretBrowsing },
      'check-sources': { perform: () => requestCheckSources() },
      settings: { perform: () => requestSettings() },
    }),
  )

  return (
    <ClaimsProvider onShowInSource={(t) => openHit(t.sourceId, t.paragraph, t)} readOnly={project?.readOnly?.reason ?? null}>
      <div className="app">
        <TopBar project={project} onImport={() => void importer.choose()} onImportAddress={importer.openAddressDialog} onImportZotero={importer.openZoteroDialog} onOpenHit={openHit} searchRef={search} />
        <Panes
          focus={focus}
          left={
            <SideTabs
              sourceId={selectedId}
              sourceTitle={sources.sources.find((s) => s.id === selectedId)?.title}
              sources={sources.sources}
              showClaims={focus.claimsRequest}
            >
              <SourcesPane state={sources} selectedId={selectedId} onSelect={setSelected} readOnly={project?.readOnly?.reason ?? null} />
            </SideTabs>
          }
          reader={
            <ReaderWithClaims sourceId={selectedId}>
              <Reader
                sourceId={selectedId}
                hasSources={sources.sources.length > 0}
                jump={jump}
                findRequest={findRequest}
                hasOriginal={(detail) => hasOriginalView(detail.format)}
                renderOriginal={(detail, jump) => <OriginalWithClaims detail={detail} jump={jump} />}
                renderReferenceActions={(detail) => <CiteWholeWorkButton source={detail} />}
              />
            </ReaderWithClaims>
          }
          brief={(divider) => <BriefWorkspace focusMode={focus.on} onFocusMode={focus.toggle} edge={divider} readOnly={project?.readOnly?.reason ?? null} />}
        />
        <ImportUi importer={importer} onOpenSource={setSelected} />
        <ExportUi />
        <SettingsUi />
        <CheckSourcesUi />
      </div>
    </ClaimsProvider>
  )
}
