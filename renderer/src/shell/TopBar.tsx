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
        <button
          type="button"
          className="primary"
          onClick={onImport}
          disabled={Boolean(project?.readOnly)}
          title={project?.readOnly ? `Nothing can be imported: ${project.readOnly.reason}` : undefined}
        >
          Import…
        </button>
        <button
          type="button"
          onClick={onImportAddress}
          disabled={Boolean(project?.readOnly)}
          title={project?.readOnly ? `Nothing can be imported: ${project.readOnly.reason}` : undefined}
        >
          From address…
        </button>
        <button
          type="button"
          onClick={onImportZotero}
          disabled={Boolean(project?.readOnly)}
          title={project?.readOnly ? `Nothing can be imported: ${project.readOnly.reason}` : undefined}
        >
          From Zotero…
        </button>
        <button type="button" onClick={() => requestExport()}>
          Export to Word…
        </button>
        <TrashButton readOnly={Boolean(project?.readOnly)} />
        <ProjectMenu projectName={project?.name ?? 'Project'} currentPath={project?.path ?? ''} />
      </div>
    </header>
  )
}
