// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import type { EvidentApi } from '@shared/api'
import { CLAIM_MIME } from '@shared/dto/claims'
import { EvidentError } from '../../renderer/src/api/errors'
import { ApiProvider } from '../../renderer/src/api/context'
import { BAD_CLAIM_MESSAGE, readDrop } from '../../renderer/src/features/brief/insert/drop'
import { DropPlugin } from '../../renderer/src/features/brief/insert/DropPlugin'
import { InsertClaimPlugin } from '../../renderer/src/features/brief/insert/InsertClaimPlugin'
import { IMPORT_FILES_EVENT } from '../../renderer/src/features/import/events'
import { useFileDrop } from '../../renderer/src/features/import/useFileDrop'
import { BRIEF_NODES } from '../../renderer/src/features/brief/nodes'
import { ToastProvider } from '../../renderer/src/ui/Toast'
import { listenWindowEvent } from '../../renderer/src/ui/window-events'
import { noFiles } from '../helpers/fake-api'

/** Enough of a DataTransfer for a drop: jsdom has none of its own. */
function transfer(data: Record<string, string>, files: File[] = []): DataTransfer {
  const types = [...Object.keys(data), ...(files.length ? ['Files'] : [])]
  const list = Object.assign([...files], { item: (i: number) => files[i] ?? null })
  return { types, files: list, getData: (type: string) => data[type] ?? '', dropEffect: 'none' } as unknown as DataTransfer
}

function fakeApi(invoke: EvidentApi['invoke']): EvidentApi {
  return { invoke, on: () => () => undefined, handleForFile: noFiles }
}

function mount(api: EvidentApi) {
  const initial = { namespace: 'drop-test', nodes: [...BRIEF_NODES], onError: (e: Error) => { throw e } }
  render(
    <ToastProvider>
      <ApiProvider api={api}>
        <LexicalComposer initialConfig={initial}>
          <RichTextPlugin contentEditable={<ContentEditable aria-label="Brief" />} ErrorBoundary={LexicalErrorBoundary} />
          <InsertClaimPlugin />
          <DropPlugin />
        </LexicalComposer>
      </ApiProvider>
    </ToastProvider>,
  )
  return screen.getByRole('textbox', { name: 'Brief' })
}

async function drop(target: HTMLElement, dataTransfer: DataTransfer): Promise<Event> {
  const event = new Event('drop', { bubbles: true, cancelable: true })
  Object.assign(event, { dataTransfer, clientX: 5, clientY: 5, altKey: false })
  await act(async () => {
    target.dispatchEvent(event)
    await new Promise((r) => setTimeout(r, 20))
  })
  return event
}

afterEach(cleanup)

describe('what a drop on the brief means', () => {
  it('reads a claim card, files, plain text, and refuses a claim payload it cannot read', () => {
    expect(readDrop(transfer({ [CLAIM_MIME]: '{"claimId":"c1"}', 'text/plain': 'x' }))).toEqual({ kind: 'claim', claimId: 'c1' })
    for (const bad of ['{bad json', '{"claimId":42}', '{"id":"c1"}', '"c1"', 'null', `{"claimId":"${'x'.repeat(65)}"}`]) {
      expect(readDrop(transfer({ [CLAIM_MIME]: bad })), bad).toEqual({ kind: 'bad-claim', message: BAD_CLAIM_MESSAGE })
    }
    expect(readDrop(transfer({ 'text/plain': 'Plain words' }))).toEqual({ kind: 'text', text: 'Plain words' })
    expect(readDrop(transfer({}, [new File(['x'], 'a.pdf')])).kind).toBe('files')
  })
})

describe('dropping on the editor', () => {
  it('ignores a malformed claim payload, says so, and asks the core for nothing', async () => {
    const invoke = vi.fn(async () => {
      throw new Error('should not be called')
    }) as unknown as EvidentApi['invoke']
    const editable = mount(fakeApi(invoke))
    const before = editable.innerHTML
    const event = await drop(editable, transfer({ [CLAIM_MIME]: '{not json', 'text/plain': 'A statement' }))
    expect(event.defaultPrevented).toBe(true)
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining(BAD_CLAIM_MESSAGE))
    expect(invoke).not.toHaveBeenCalled()
    expect(editable.innerHTML).toBe(before)
  })

  it('cites a dropped claim with the snapshot the core builds, in one call, formatting nothing itself', async () => {
    const snapshot = {
      claimId: 'c1',
      statement: 'Trusts can run practices.',
      quote: 'Trusts already run practices.',
      sourceId: 's1',
      sourceTitle: 'Vertical integration',
      shortCitation: 'Jones and Smith 2020',
      paragraph: 3,
    }
    const invoke = vi.fn(async (method: string) => {
      if (method === 'claims.snapshot') return [snapshot]
      throw new Error(`${method} should not be needed`)
    })
    const editable = mount(fakeApi(invoke as unknown as EvidentApi['invoke']))
    await drop(editable, transfer({ [CLAIM_MIME]: '{"claimId":"c1"}' }))
    expect(invoke.mock.calls).toEqual([['claims.snapshot', { ids: ['c1'] }]])
    expect(editable.querySelector('[data-claim-id="c1"]')).not.toBeNull()
  })

  it('tells the analyst when the dropped claim no longer exists, and inserts nothing', async () => {
    const invoke = vi.fn(async () => {
      throw new EvidentError('NOT_FOUND', 'That claim is not in this project.')
    }) as unknown as EvidentApi['invoke']
    const editable = mount(fakeApi(invoke))
    await drop(editable, transfer({ [CLAIM_MIME]: '{"claimId":"gone"}' }))
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', expect.stringContaining('no longer in the library'))
    expect(editable.querySelector('[data-claim-id]')).toBeNull()
  })

  it('offers dropped files for import through the import feature’s event, once: the window-level drop leaves them alone', async () => {
    const seen: unknown[] = []
    const stop = listenWindowEvent(IMPORT_FILES_EVENT, (detail) => seen.push(detail.files))
    const windowDrops: File[][] = []
    function WindowDrop() {
      useFileDrop((files) => windowDrops.push(files))
      return null
    }
    render(<WindowDrop />)
    const editable = mount(fakeApi(vi.fn() as unknown as EvidentApi['invoke']))
    const report = new File(['%PDF'], 'report.pdf')
    await drop(editable, transfer({}, [report]))
    stop()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toEqual([report])
    expect(windowDrops).toEqual([])
  })

  it('files dropped anywhere else in the window are still imported by the window-level drop', async () => {
    const windowDrops: File[][] = []
    function WindowDrop() {
      useFileDrop((files) => windowDrops.push(files))
      return null
    }
    render(<WindowDrop />)
    const report = new File(['%PDF'], 'report.pdf')
    await drop(document.body, transfer({}, [report]))
    expect(windowDrops).toEqual([[report]])
  })
})
