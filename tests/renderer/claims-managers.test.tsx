// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Tag } from '@shared/dto/claims'
import { EvidentError } from '../../renderer/src/api/errors'
import { ClaimForm } from '../../renderer/src/features/claims/ClaimForm'
import { TagsManager } from '../../renderer/src/features/claims/TagsManager'
import type { Taxonomy } from '../../renderer/src/features/claims/useTaxonomy'
import { ToastProvider } from '../../renderer/src/ui/Toast'
import { fakeApi, recordInvokes, withApi, type InvokeCall } from '../helpers/fake-api'

const api = fakeApi()

const TAG: Tag = { id: 't1', name: 'Recruitment', parentId: 't0', path: 'Workforce > Recruitment', claimCount: 3 }
const calls: InvokeCall[] = []
let handle: (method: string, args: unknown) => unknown

beforeEach(() => recordInvokes(api, calls, (method, args) => handle(method, args)))
afterEach(cleanup)

function taxonomy(tags: Tag[]): Taxonomy {
  return { tags, questions: [], tagById: new Map(tags.map((t) => [t.id, t])), questionById: new Map(), error: null, reload: vi.fn() }
}

function renderTagsManager() {
  render(
    <ToastProvider>
      <TagsManager taxonomy={taxonomy([TAG])} onClose={vi.fn()} />
    </ToastProvider>,
    withApi(api),
  )
}

describe('deleting a tag that is still in use', () => {
  it('asks first, saying how many claims use it, and deletes only when confirmed (with force)', async () => {
    handle = (method, args) => {
      if (method === 'tags.delete' && !(args as { force: boolean }).force) throw new EvidentError('IN_USE', 'That tag is used by 3 claims.')
      return { deleted: true, claimCount: 3 }
    }
    renderTagsManager()
    fireEvent.click(screen.getByRole('button', { name: 'Delete Workforce > Recruitment' }))
    const ask = await screen.findByRole('alertdialog', { name: 'Delete the tag “Workforce > Recruitment”?' })
    expect(ask.textContent).toContain('used by 3 claims')
    expect(calls.filter((c) => c.method === 'tags.delete')).toEqual([{ method: 'tags.delete', args: { id: 't1', force: false } }])
    fireEvent.click(screen.getByRole('button', { name: 'Delete tag' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'tags.delete')).toHaveLength(2))
    expect(calls.at(-1)).toEqual({ method: 'tags.delete', args: { id: 't1', force: true } })
  })

  it('keeps the tag when the analyst cancels', async () => {
    handle = () => ({ deleted: false, claimCount: 5 })
    renderTagsManager()
    fireEvent.click(screen.getByRole('button', { name: 'Delete Workforce > Recruitment' }))
    expect((await screen.findByRole('alertdialog')).textContent).toContain('used by 5 claims')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(calls.filter((c) => c.method === 'tags.delete')).toHaveLength(1)
  })
})

describe('saving a claim the core refuses', () => {
  it('shows the core’s message in the form and keeps what the analyst wrote', async () => {
    handle = (method) => {
      if (method === 'claims.create') throw new EvidentError('QUOTE_MISMATCH', 'The source text has changed: select the passage again.')
      if (method === 'tags.list') return [TAG]
      return []
    }
    const onClose = vi.fn()
    render(
      <ToastProvider>
        <ClaimForm draft={{ sourceId: 's1', start: 0, end: 6, exact: 'Trusts' }} claimId={null} onClose={onClose} onReattach={vi.fn()} onShowInSource={null} />
      </ToastProvider>,
      withApi(api),
    )
    fireEvent.change(screen.getByLabelText('Statement'), { target: { value: 'Trusts can run practices.' } })
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Workforce > Recruitment' }))
    fireEvent.click(screen.getByRole('button', { name: 'Create claim' }))
    expect((await screen.findByRole('alert')).textContent).toBe('The source text has changed: select the passage again.')
    expect(onClose).not.toHaveBeenCalled()
    expect((screen.getByLabelText('Statement') as HTMLTextAreaElement).value).toBe('Trusts can run practices.')
    expect(calls.find((c) => c.method === 'claims.create')!.args).toMatchObject({ tagIds: ['t1'], statement: 'Trusts can run practices.' })
  })
})
