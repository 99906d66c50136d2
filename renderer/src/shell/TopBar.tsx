import type { ProjectInfo } from '../../../electron/shared/dto/project'
import { requestExport } from '../features/export'
import { ProjectMenu } from '../features/project/ProjectMenu'
import { SearchBox } from '../features/search/SearchBox'

export interface TopBarProps {
  project: ProjectInfo | null
  onImport: () => void
  onOpenHit: (sourceId: string, paragraph: number) => void
}

export function TopBar({ project, onImport, onOpenHit }: TopBarProps) {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          E
        </span>
        <h1 className="project-name" title={project?.path}>
          {project?.name ?? 'Evident'}
        </h1>
      </div>
      <SearchBox onOpenHit={onOpenHit} />
      <div className="top-actions">
        <button type="button" className="primary" onClick={onImport}>
          Import…
        </button>
        <button type="button" onClick={() => requestExport()}>
          Export to Word…
        </button>
        <ProjectMenu projectName={project?.name ?? 'Project'} currentPath={project?.path ?? ''} />
      </div>
    </header>
  )
}
