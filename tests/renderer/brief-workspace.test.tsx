// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import type { EvidentApi } from '@shared/api'
import { DEFAULT_ADDITIONS, type BriefDocument, type BriefSummary } from '@shared/dto/briefs'
import { ApiProvider } from '../../renderer/src/api/context'
import { BriefWorkspace, requestNewBrief } from '../../renderer/src/features/brief'
import { ToastProvider } from '../../renderer/src/ui/Toast'
import { noFiles } from '../helpers/fake-api'
import { DEFAULT_LAYOUT } from '@shared/dto/brief-layout'

const summary: BriefSummary = {
  id: 'b1',
  title: 'Trusts and GPs',
  questionId: null,
  template: 'blank',
  style: 'vancouver',
  notes: 'footnotes',
  revision: 4,
  updatedAt: '2026-01-01T00:00:00Z',
  citationCount: 0,
  additions: DEFAULT_ADDITIONS,
  layout: DEFAULT_LAYOUT,
}
const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' })
const block = (type: string, children: unknown[], extra = {}) => ({ type, version: 1, children, direction: null, format: '', indent: 0, ...extra })
const content = {
  format: 'evident-brief' as const,
  version: 1,
  editorState: { root: block('root', [block('heading', [text('Trusts and GPs')], { tag: 'h1' }), block('paragraph', [text('Last good words.')], { textFormat: 0, textStyle: '' })]) },
}

function fakeApi(doc: BriefDocument) {
  let deleted = false
  const calls: string[] = []
  const invoke = vi.fn(async (method: string) => {
    calls.push(method)
    switch (method) {
      case 'briefs.list':
        return deleted ? [] : [summary]
      case 'briefs.get':
        return doc
      case 'briefs.delete':
        deleted = true
        return { deleted: true }
      case 'briefs.undelete':
        deleted = false
        return summary
      case 'questions.list':
      case 'claims.getMany':
        return []
      default:
        throw new Error(`${method} is not available yet.`)
    }
  })
  const api: EvidentApi = { invoke: invoke as unknown as EvidentApi['invoke'], on: () => () => undefined, handleForFile: noFiles }
  return { api, calls }
}

async function mount(api: EvidentApi) {
  render(
    <ToastProvider>
      <ApiProvider api={api}>
        <BriefWorkspace focusMode={false} onFocusMode={() => {}} />
      </ApiProvider>
    </ToastProvider>,
  )
  await screen.findByText('Last good words.')
}

afterEach(cleanup)

describe('the brief workspace', () => {
  it('opens a damaged brief read-only, with the message, and editing disabled', async () => {
    const message = "This brief's saved data is damaged. It is shown read-only from the last good version."
    const { api, calls } = fakeApi({ ...summary, content, readOnly: true, message })
    await mount(api)
    expect(screen.getByRole('alert').textContent).toContain(message)
    const editor = screen.getByRole('textbox', { name: 'Brief: Trusts and GPs' })
    expect(editor.getAttribute('contenteditable')).toBe('false')
    expect(screen.getByRole('button', { name: 'Bold' })).toHaveProperty('disabled', true)
    expect(document.querySelector('[data-save-state]')?.textContent).toBe('Read-only')
    await act(() => new Promise((r) => setTimeout(r, 900)))
    expect(calls).not.toContain('briefs.save')
  })

  it('opens the New brief dialog when the menu asks (File › New brief)', async () => {
    const { api } = fakeApi({ ...summary, content, readOnly: false })
    await mount(api)
    expect(screen.queryByRole('dialog', { name: 'New brief' })).toBeNull()
    act(() => requestNewBrief())
    expect(await screen.findByRole('dialog', { name: 'New brief' })).toBeTruthy()
  })

  it('deletes a brief and brings it back with Undo', async () => {
    const { api, calls } = fakeApi({ ...summary, content, readOnly: false })
    await mount(api)
    fireEvent.click(screen.getByRole('button', { name: 'Brief actions' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete brief' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Delete this brief?' })
    await act(async () => fireEvent.click(within(confirm).getByRole('button', { name: 'Delete brief' })))
    const undo = await screen.findByText('Deleted “Trusts and GPs”.')
    expect(calls).toContain('briefs.delete')
    await act(async () => fireEvent.click(within(undo.parentElement!).getByRole('button', { name: 'Undo' })))
    await screen.findByText('Last good words.')
    expect(calls).toContain('briefs.undelete')
  })
})
