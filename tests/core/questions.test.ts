import { describe, expect } from 'vitest'
import { searchClaims } from '../../electron/core/claims/search'
import { refusal } from '../helpers/refusal'
import { claimOn, testWithSource } from './claims-fixture'


describe('taking a stance on a question', () => {
  const it = testWithSource(['Hospitals do not know how to do this, so it makes no sense for them to manage these services.'])

  it('lists questions in the order they were asked, with how many claims take a stance', ({ project, sourceId }) => {
    const first = project.questions.create('Should hospital trusts run general practice?')
    const second = project.questions.create('  Is the   partnership model over? ')
    claimOn(project, sourceId, 'Hospitals do not know how to do this', { stances: [{ questionId: first.id, stance: 'opposes' }] })
    expect(project.questions.list()).toEqual([
      { id: first.id, text: 'Should hospital trusts run general practice?', claimCount: 1 },
      { id: second.id, text: 'Is the partnership model over?', claimCount: 0 },
    ])
  })

  it('keeps one stance per question on a claim, the last one given', ({ project, sourceId }) => {
    const q = project.questions.create('Should hospital trusts run general practice?')
    const claim = claimOn(project, sourceId, 'no sense', {
      stances: [
        { questionId: q.id, stance: 'supports' },
        { questionId: q.id, stance: 'mixed' },
      ],
    })
    expect(claim.stances).toEqual([{ questionId: q.id, stance: 'mixed' }])
  })

  it('renames a question, refusing an empty text or one that is already asked', ({ project }) => {
    const q = project.questions.create('Should trusts run GP?')
    project.questions.create('Is the partnership model over?')
    expect(project.questions.rename(q.id, 'Should hospital trusts run general practice?').text).toBe('Should hospital trusts run general practice?')
    expect(refusal(() => project.questions.rename(q.id, '  ')).code).toBe('INVALID_INPUT')
    expect(refusal(() => project.questions.rename(q.id, 'is the partnership model over?')).code).toBe('CONFLICT')
    expect(refusal(() => project.questions.rename('gone', 'Anything?')).code).toBe('NOT_FOUND')
  })

  it('refuses to delete a question claims take a stance on unless forced; forced keeps the claims', ({ project, sourceId }) => {
    const q = project.questions.create('Should hospital trusts run general practice?')
    const claim = claimOn(project, sourceId, 'Hospitals do not know', { stances: [{ questionId: q.id, stance: 'opposes' }] })
    const error = refusal(() => project.trash.trashQuestion(q.id, false))
    expect(error.code).toBe('IN_USE')
    expect(error.message).toContain('1 claim takes a stance')
    expect(project.questions.list()).toHaveLength(1)
    expect(project.trash.trashQuestion(q.id, true)).toEqual({ deleted: true, claimCount: 1 })
    expect(project.questions.list()).toEqual([])
    expect(project.claims.get(claim.id).stances).toEqual([])
    expect(searchClaims(project.session.db, { stance: 'opposes' }).total).toBe(0)
    expect(searchClaims(project.session.db, {}).total).toBe(1)
  })

  it('deletes an unused question straight away; a missing one is simply not deleted', ({ project }) => {
    const q = project.questions.create('Unused?')
    expect(project.trash.trashQuestion(q.id, false)).toEqual({ deleted: true, claimCount: 0 })
    expect(project.trash.trashQuestion(q.id, false)).toEqual({ deleted: false, claimCount: 0 })
  })
})
