import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { searchClaims } from '../../electron/core/claims/search'
import { refusal } from '../helpers/refusal'
import { addSource, claimOn, openTempProject, type TempProject } from './claims-fixture'


describe('organising claims by theme', () => {
  let project: TempProject
  let sourceId: string
  const searchIds = (text: string) => searchClaims(project.session.db, { text }).items.map((c) => c.id)
  beforeEach(() => {
    project = openTempProject()
    sourceId = addSource(project.session, ['GP vacancies were at a low level and morale was relatively high.', 'Practice income is falling.'])
  })
  afterEach(() => project.close())

  it('builds a hierarchy and shows each tag’s path and how many claims use it', () => {
    const workforce = project.tags.create('Workforce', null)
    const recruitment = project.tags.create('Recruitment', workforce.id)
    project.tags.create('Morale', workforce.id)
    claimOn(project, sourceId, 'GP vacancies', { tagIds: [recruitment.id] })
    expect(project.tags.list().map((t) => [t.path, t.claimCount])).toEqual([
      ['Workforce', 0],
      ['Workforce > Morale', 0],
      ['Workforce > Recruitment', 1],
    ])
    expect(recruitment).toMatchObject({ name: 'Recruitment', parentId: workforce.id, path: 'Workforce > Recruitment' })
  })

  it('refuses a tag name that duplicates a sibling, whatever its case, but allows it elsewhere', () => {
    const workforce = project.tags.create('Workforce', null)
    project.tags.create('Morale', workforce.id)
    const error = refusal(() => project.tags.create('morale', workforce.id))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe('There is already a tag called “Morale” here.')
    expect(project.tags.create('Morale', null).path).toBe('Morale')
    const other = project.tags.create('Funding', null)
    expect(refusal(() => project.tags.rename(other.id, 'WORKFORCE')).code).toBe('CONFLICT')
    expect(refusal(() => project.tags.create('   ', null)).code).toBe('INVALID_INPUT')
    expect(refusal(() => project.tags.create('A > B', null)).code).toBe('INVALID_INPUT')
    expect(refusal(() => project.tags.create('Orphan', 'no-such-parent')).code).toBe('NOT_FOUND')
  })

  it('renames a tag and the claims under it are found by the new path', () => {
    const workforce = project.tags.create('Workforce', null)
    const morale = project.tags.create('Morale', workforce.id)
    const claim = claimOn(project, sourceId, 'morale was relatively high', { tagIds: [morale.id] })
    project.tags.rename(workforce.id, 'Staffing')
    expect(project.tags.get(morale.id).path).toBe('Staffing > Morale')
    expect(searchIds('staffing')).toEqual([claim.id])
    expect(searchIds('workforce')).toEqual([])
  })

  it('moves a tag under another, but never under itself or its own sub-tag', () => {
    const workforce = project.tags.create('Workforce', null)
    const morale = project.tags.create('Morale', workforce.id)
    const wellbeing = project.tags.create('Wellbeing', morale.id)
    const access = project.tags.create('Access and demand', null)
    const claim = claimOn(project, sourceId, 'GP vacancies', { tagIds: [wellbeing.id] })
    expect(refusal(() => project.tags.move(workforce.id, wellbeing.id)).code).toBe('INVALID_INPUT')
    expect(refusal(() => project.tags.move(workforce.id, workforce.id)).code).toBe('INVALID_INPUT')
    expect(project.tags.move(morale.id, access.id).path).toBe('Access and demand > Morale')
    expect(project.tags.get(wellbeing.id).path).toBe('Access and demand > Morale > Wellbeing')
    expect(searchIds('access')).toEqual([claim.id])
    expect(project.tags.move(morale.id, null).path).toBe('Morale')
    project.tags.create('Morale', workforce.id)
    expect(refusal(() => project.tags.move(morale.id, workforce.id)).code).toBe('CONFLICT')
  })

  it('merges one tag into another: its claims get the other tag and it disappears', () => {
    const money = project.tags.create('Money', null)
    const funding = project.tags.create('Funding', null)
    const sub = project.tags.create('Premises', money.id)
    project.tags.create('Premises', funding.id)
    const a = claimOn(project, sourceId, 'Practice income is falling.', { tagIds: [money.id] })
    const b = claimOn(project, sourceId, 'GP vacancies', { tagIds: [money.id, funding.id] })
    const c = claimOn(project, sourceId, 'morale', { tagIds: [sub.id] })
    const merged = project.tags.merge(money.id, funding.id)
    expect(merged).toMatchObject({ id: funding.id, claimCount: 2 })
    expect(project.claims.get(a.id).tagIds).toEqual([funding.id])
    expect(project.claims.get(b.id).tagIds).toEqual([funding.id])
    expect(project.tags.list().map((t) => t.path)).toEqual(['Funding', 'Funding > Premises'])
    expect(project.claims.get(c.id).tagIds).toHaveLength(1)
    expect(searchIds('money')).toEqual([])
    expect(new Set(searchIds('funding'))).toEqual(new Set([a.id, b.id, c.id]))
    expect(refusal(() => project.tags.merge(funding.id, funding.id)).code).toBe('INVALID_INPUT')
  })

  it('refuses to delete a tag claims still use, saying how many, unless forced; forced keeps the claims', () => {
    const workforce = project.tags.create('Workforce', null)
    const recruitment = project.tags.create('Recruitment', workforce.id)
    const claim = claimOn(project, sourceId, 'GP vacancies', { tagIds: [recruitment.id] })
    const error = refusal(() => project.trash.trashTag(workforce.id, false))
    expect(error.code).toBe('IN_USE')
    expect(error.message).toMatch(/used by 1 claim \(counting its sub-tags\)/)
    expect(project.tags.list()).toHaveLength(2)
    expect(project.trash.trashTag(workforce.id, true)).toEqual({ deleted: true, claimCount: 1 })
    expect(project.tags.list()).toEqual([])
    expect(project.claims.get(claim.id).tagIds).toEqual([])
    expect(searchIds('recruitment')).toEqual([])
    expect(searchIds('vacancies')).toEqual([claim.id])
  })

  it('deletes an unused tag without asking, and a missing one is simply not deleted', () => {
    const unused = project.tags.create('Unused', null)
    expect(project.trash.trashTag(unused.id, false)).toEqual({ deleted: true, claimCount: 0 })
    expect(project.trash.trashTag(unused.id, false)).toEqual({ deleted: false, claimCount: 0 })
  })
})
