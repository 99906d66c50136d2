// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CLAIM_MIME, type ClaimCard } from '@shared/dto/claims'
import { ClaimCardView } from '../../renderer/src/features/claims/ClaimCardView'

afterEach(cleanup)

function card(patch: Partial<ClaimCard> = {}): ClaimCard {
  return {
    id: 'c1',
    sourceId: 's1',
    statement: 'Vertical integration can stabilise struggling practices.',
    quote: 'Trusts have taken over practices that were about to close.',
    anchor: { exact: 'Trusts have taken over practices', prefix: '', suffix: '', start: 10, end: 42, paragraph: 4, page: '2' },
    tagIds: ['t1'],
    stances: [{ questionId: 'q1', stance: 'supports' }],
    evidenceType: 'research-finding',
    strength: 'moderate',
    note: '',
    status: 'anchored',
    wholeWork: false,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
    sourceTitle: 'Integration',
    shortCitation: 'Iacobucci 2014',
    ...patch,
  }
}

const tags = new Map([['t1', { id: 't1', name: 'Recruitment', parentId: 't0', path: 'Workforce > Recruitment', claimCount: 1 }]])
const questions = new Map([['q1', { id: 'q1', text: 'Should hospital trusts run general practice?', claimCount: 1 }]])

function renderCard(c: ClaimCard) {
  return render(<ClaimCardView card={c} id="claim-option-0" index={0} total={1} active={false} tagById={tags} questionById={questions} onOpen={vi.fn()} />)
}

describe('a claim card in the library', () => {
  it('carries the claim id under the claim MIME type, and its statement as plain text, when dragged', () => {
    renderCard(card())
    const data = new Map<string, string>()
    const dataTransfer = { setData: (type: string, value: string) => data.set(type, value), effectAllowed: 'all' }
    fireEvent.dragStart(screen.getByRole('option'), { dataTransfer })
    expect(JSON.parse(data.get(CLAIM_MIME)!)).toEqual({ claimId: 'c1' })
    expect(data.get('text/plain')).toBe('Vertical integration can stabilise struggling practices.')
    expect(dataTransfer.effectAllowed).toBe('copy')
  })

  it('is a draggable option named by its statement, showing citation, ¶/page, tag path and stance', () => {
    renderCard(card())
    const option = screen.getByRole('option', { name: /Vertical integration can stabilise/ })
    expect(option.getAttribute('draggable')).toBe('true')
    expect(option.textContent).toContain('Iacobucci 2014')
    expect(option.textContent).toContain('¶ 4, p. 2')
    expect(option.textContent).toContain('Workforce > Recruitment')
    expect(option.textContent).toContain('Supports')
  })

  it('flags an orphaned claim in its name and with a visible banner', () => {
    renderCard(card({ status: 'orphaned' }))
    expect(screen.getByRole('option', { name: /^Orphaned claim:/ })).toBeTruthy()
    expect(screen.getByText(/Orphaned — quote not found/)).toBeTruthy()
  })
})
