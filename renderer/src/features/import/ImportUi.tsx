import { IMPORT_ACCEPT } from './formats'
import { ImportAddressDialog } from './ImportAddressDialog'
import { ImportZoteroDialog } from './ImportZoteroDialog'
import { ImportProgressBar } from './ImportProgressBar'
import { ImportSummaryDialog } from './ImportSummaryDialog'
import type { Importer } from './useImport'
import { useFileDrop } from './useFileDrop'
import { IMPORT_FILES_EVENT } from './events'
import { useWindowEvent } from '../../ui/window-events'
import './import.css'

/** Everything import shows: the fallback file chooser, the drop overlay, progress and the summary. */
export function ImportUi({ importer, onOpenSource }: { importer: Importer; onOpenSource: (id: string) => void }) {
  const dragging = useFileDrop((files) => void importer.importFiles(files))
  useWindowEvent(IMPORT_FILES_EVENT, ({ files }) => void importer.importFiles(files))
  return (
    <>
      <input
        ref={importer.inputRef}
        className="visually-hidden"
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? [])
          e.target.value = ''
          void importer.importFiles(files)
        }}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-panel">Drop files to import</div>
        </div>
      )}
      {importer.addressDialog && <ImportAddressDialog onImport={(addresses) => void importer.importAddresses(addresses)} onClose={importer.closeAddressDialog} />}
      {importer.zoteroDialog && <ImportZoteroDialog onImport={(keys) => void importer.importZotero(keys)} onClose={importer.closeZoteroDialog} />}
      {importer.progress && <ImportProgressBar progress={importer.progress} onCancel={importer.cancel} />}
      {importer.summary && <ImportSummaryDialog summary={importer.summary} onOpenSource={onOpenSource} onClose={importer.closeSummary} />}
    </>
  )
}
