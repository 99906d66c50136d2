// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EvidentApi } from '@shared/api'
import type { ProjectInfo } from '@shared/dto/project'
import { EvidentError } from '../../renderer/src/api/errors'
import { ApiProvider } from '../../renderer/src/api/context'
import { ProjectMenu } from '../../renderer/src/features/project/ProjectMenu'
import { TopBar } from '../../renderer/src/shell/TopBar'
import { ToastProvider } from '../../renderer/src/ui/Toast'
import { noFiles } from '../helpers/fake-api'

afterEach(cleanup)

const SHARED_HANDLE = 'fh_SharedSharedSharedSharedSharedSharedShared'

const HELD = '“Shared.evident” is open in Evident in browser mode (process 4242 since 2026-12-07 16:20), which is writing to it. Close it there first, or open it read-only here.'

function fakeApi(invoke: (method: string, args: unknown) => unknown): EvidentApi {
  return { invoke: vi.fn(async (method: string, args: unknown) => invoke(method, args)) as unknown as EvidentApi['invoke'], on: () => () => undefined, handleForFile: noFiles }
}

describe('a project another Evident is writing', () => {
  it('opening it from the Project menu says who holds it and offers to open it read-only', async () => {
    const calls: unknown[] = []
    const api = fakeApi((method, args) => {
      calls.push([method, args])
      if (method === 'project.recent') return [{ path: '/shared/Shared.evident', name: 'Shared', openedAt: '2026-12-07T16:00:00Z', file: SHARED_HANDLE }]
      if (method === 'project.open' && !(args as { readOnly?: boolean }).readOnly) throw new EvidentError('IN_USE', HELD)
      return { path: '/shared/Shared.evident', name: 'Shared', readOnly: { reason: 'Opened read-only.' } }
    })
    render(
      <ApiProvider api={api}>
        <ToastProvider>
          <ProjectMenu projectName="Mine" currentPath="/home/analyst/Mine.evident" />
        </ToastProvider>
      </ApiProvider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Project ▾' }))
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Shared' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Open read-only?' })
    expect(dialog.textContent).toContain(HELD)
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Open read-only' })))
    expect(calls).toContainEqual(['project.open', { file: SHARED_HANDLE, readOnly: true }])
  })

  it('the top bar says the project is read-only, and why', () => {
    const project: ProjectInfo = { path: '/p/Shared.evident', name: 'Shared', schemaVersion: 2, sourceCount: 5, claimCount: 0, briefCount: 1, readOnly: { reason: 'Evident in browser mode (process 4242) is writing this project, so it is open here read-only.' } }
    render(
      <ApiProvider api={fakeApi(() => [])}>
        <ToastProvider>
          <TopBar project={project} onImport={() => undefined} onImportAddress={() => undefined} onImportZotero={() => undefined} onOpenHit={() => undefined} />
        </ToastProvider>
      </ApiProvider>,
    )
    const badge = screen.getByRole('status')
    expect(badge.textContent).toBe(`Read-only: ${project.readOnly!.reason}`)
    expect(badge.getAttribute('title')).toBe(project.readOnly!.reason)
    expect((screen.getByRole('button', { name: 'From Zotero…' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
