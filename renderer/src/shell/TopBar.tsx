import type { ProjectInfo } from '@shared/dto/project'
import { requestExport } from '../features/export'
import { ProjectMenu } from '../features/project/ProjectMenu'
import type { Ref } from 'react'
import { SearchBox, type SearchBoxHandle } from '../features/search/SearchBox'
import { TrashButton } from '../features/trash/TrashButton'

export interface TopBarProps {
  project: ProjectInfo | null
  onImport: () => void
  onImportAddress: () => void
  onImportZotero: () => void
  onOpenHit: (sourceId: string, paragraph: number) => void
  searchRef?: Ref<SearchBoxHandle>
}

export function TopBar({ project, onImport, onImportAddress, onImportZotero, onOpenHit, searchRef }: TopBarProps) {
  // The ways in, first the main one; a read-only project refuses them all alike.
  const importButtons = [
    { label: 'Import…', onClick: onImport },
    { label: 'From address…', onClick: onImportAddress },
    { label: 'From Zotero…', onClick: onImportZotero },
  ]
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          E
        </span>
        <h1 className="project-name" title={project?.path}>
          {project?.name ?? 'Evident'}
        </h1>
        {project?.readOnly && (
          <span className="read-only-badge" role="status" title={project.readOnly.reason}>
            Read-only<span className="visually-hidden">: {project.readOnly.reason}</span>
          </span>
        )}
      </div>
      <SearchBox onOpenHit={onOpenHit} ref={searchRef} />
      <div className="top-actions">
        {importButtons.map(({ label, onClick }, i) => (
          <button
            key={label}
            type="button"
            className={i === 0 ? 'primary' : undefined}
            onClick={onClick}
            disabled={Boolean(project?.readOnly)}
            title={project?.readOnly ? `Nothing can be imported: ${project.readOnly.reason}` : undefined}
          >
            {label}
          </button>
        ))}
        <button type="button" onClick={() => requestExport()}>
          Export to Word…
        </button>
        <TrashButton readOnly={Boolean(project?.readOnly)} />
        <ProjectMenu projectName={project?.name ?? 'Project'} currentPath={project?.path ?? ''} />
      </div>
    </header>
  )
}
