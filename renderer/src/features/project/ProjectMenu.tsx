import { useRef, useState, type KeyboardEvent } from 'react'
import type { OpenableProject } from '@shared/dto/project'
import { useApi } from '../../api/context'
import { toEvidentError } from '../../api/errors'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { useToast } from '../../ui/Toast'
import { requestSettings } from '../settings'
import { requestCheckSources } from '../online'
import { chooseProject, writeProject, type ProjectAction } from './project-actions'
import './project.css'

export function ProjectMenu({ projectName, currentPath }: { projectName: string; currentPath: string }) {
  const api = useApi()
  const toast = useToast()
  const [open, setOpen] = useState(false)
  const [recent, setRecent] = useState<OpenableProject[]>([])
  // Another Evident is writing the project asked for: offer to read it without writing.
  const [held, setHeld] = useState<{ file: string; message: string } | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)

  const items = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])

  async function show() {
    setOpen(true)
    requestAnimationFrame(() => items()[0]?.focus())
    try {
      const list = await api.invoke('project.recent', {})
      setRecent(list.filter((r) => r.path !== currentPath).slice(0, 8))
    } catch {
      setRecent([])
    }
  }

  function hide(refocus = true) {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  /** Opens the project a handle names (chosen in the door's dialog, or a recent one); a held one is offered read-only. */
  async function openFile(file: string) {
    try {
      await api.invoke('project.open', { file })
    } catch (error) {
      const failure = toEvidentError(error)
      if (failure.code === 'IN_USE') setHeld({ file, message: failure.message })
      else toast.error(error)
    }
  }

  async function openReadOnly(file: string) {
    setHeld(null)
    try {
      await api.invoke('project.open', { file, readOnly: true })
    } catch (error) {
      toast.error(error)
    }
  }

  async function start(action: ProjectAction) {
    hide()
    try {
      if (action === 'open') {
        const file = await chooseProject(api)
        if (file) await openFile(file)
        return
      }
      const message = await writeProject(api, action, projectName)
      if (message) toast.info(message)
    } catch (error) {
      toast.error(error)
    }
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = items()
    const at = list.findIndex((el) => el === document.activeElement)
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }
    if (event.key === 'Escape') {
      event.preventDefault()
      hide()
    } else if (event.key === 'Tab') {
      hide(false)
    } else if (event.key in moves) {
      event.preventDefault()
      const next = (moves[event.key]! + list.length) % list.length
      list[next]?.focus()
    }
  }

  const item = (label: string, onSelect: () => void, key = label) => (
    <button key={key} type="button" role="menuitem" tabIndex={-1} className="menu-item" onClick={onSelect}>
      {label}
    </button>
  )

  return (
    <div className="menu-wrap" onBlur={(e) => open && !e.currentTarget.contains(e.relatedTarget) && hide(false)}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="project-menu"
        onClick={() => (open ? hide() : void show())}
        onKeyDown={(e) => e.key === 'ArrowDown' && !open && (e.preventDefault(), void show())}
      >
        Project ▾
      </button>
      {open && (
        <div id="project-menu" ref={menu} className="menu" role="menu" aria-label="Project" onKeyDown={onMenuKeyDown}>
          {item('New project…', () => void start('new'))}
          {item('Open project…', () => void start('open'))}
          {item('Save a copy as…', () => void start('copy'))}
          {item('Check sources…', () => (hide(), requestCheckSources()))}
          {item('Settings…', () => (hide(), requestSettings()))}
          <div role="separator" className="menu-separator" />
          <div className="menu-heading" aria-hidden="true">
            Recent projects
          </div>
          {recent.length === 0 ? (
            <div className="menu-empty" role="menuitem" aria-disabled="true" tabIndex={-1}>
              No other recent projects
            </div>
          ) : (
            recent.map((r) =>
              item(
                r.name,
                () => {
                  hide()
                  void openFile(r.file)
                },
                r.path,
              ),
            )
          )}
        </div>
      )}
      {held && (
        <ConfirmDialog title="Open read-only?" confirmLabel="Open read-only" onConfirm={() => void openReadOnly(held.file)} onCancel={() => setHeld(null)}>
          <p>{held.message}</p>
          <p>Read-only, you can read, search and export it; changes are refused until the other Evident has closed it.</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
