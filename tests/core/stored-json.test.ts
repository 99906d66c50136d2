import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadSnapshots } from '../../electron/core/briefs/snapshot'
import { searchClaims } from '../../electron/core/claims/search'
import { suggestClaims } from '../../electron/core/claims/suggest'
import { addSource, claimOn, openTempProject, type TempProject } from './claims-fixture'

const PARAGRAPHS = ['Hospital trusts now run some general practices in England.', 'Integration may reduce duplication of back-office costs.']

describe('a project file whose stored JSON was damaged (a bad disk, a hand edit)', () => {
  let project: TempProject
  let sourceId: string
  let claimId: string
  const damage = (sql: string, ...params: unknown[]) => project.session.db.prepare(sql).run(...params)
  const corrupt = (what: RegExp) => ({ code: 'CORRUPT_FILE', message: expect.stringMatching(what) })

  beforeEach(() => {
    project = openTempProject()
    sourceId = addSource(project.session, PARAGRAPHS, 'Trusts and practices')
    claimId = claimOn(project, sourceId, 'Hospital trusts now run some general practices').id
  })
  afterEach(() => project.close())

  it('a damaged bibliographic record is named in a plain message, for the library and the citations', () => {
    damage(`UPDATE sources SET csl = '{"type": 5, "author": "Jones"}' WHERE id = ?`, sourceId)
    const message = /^This project's stored record of source “Trusts and practices” is damaged, so it cannot be read\./
    expect(() => project.session.sources.list()).toThrow(expect.objectContaining(corrupt(message)))
    expect(() => project.session.sources.get(sourceId)).toThrow(expect.objectContaining(corrupt(message)))
    expect(() => searchClaims(project.session.db, {})).toThrow(expect.objectContaining(corrupt(message)))
    expect(() => loadSnapshots(project.session.db, [claimId])).toThrow(expect.objectContaining(corrupt(message)))
  })

  it('text that is not JSON at all gets the same message, not a SyntaxError', () => {
    damage(`UPDATE sources SET paragraphs = '[{"number": 1, "kind": "par' WHERE id = ?`, sourceId)
    expect(() => project.session.sources.get(sourceId)).toThrow(expect.objectContaining(corrupt(/source “Trusts and practices” is damaged/)))
    expect(() => suggestClaims(project.session.db, sourceId)).toThrow(expect.objectContaining(corrupt(/source “Trusts and practices” is damaged/)))
    // The library still lists it, so the analyst can see which source to restore or import again.
    expect(project.session.sources.list()).toMatchObject([{ id: sourceId, title: 'Trusts and practices', paragraphCount: 0 }])
  })

  it('damaged note markers or a claim’s damaged anchor are refused the same way, naming the claim', () => {
    damage(`UPDATE sources SET note_markers = '[{"start": "one"}]' WHERE id = ?`, sourceId)
    expect(() => project.session.sources.get(sourceId)).toThrow(expect.objectContaining(corrupt(/source “Trusts and practices”/)))
    damage(`UPDATE sources SET note_markers = '[]' WHERE id = ?`, sourceId)
    damage(`UPDATE claims SET anchor = '{"exact": "Hospital", "start": null}' WHERE id = ?`, claimId)
    const message = /stored record of the claim “Hospital trusts now run some general practices” is damaged/
    expect(() => project.claims.get(claimId)).toThrow(expect.objectContaining(corrupt(message)))
    expect(() => loadSnapshots(project.session.db, [claimId])).toThrow(expect.objectContaining(corrupt(message)))
  })

  it('a record with fields Evident does not know, or longer than today’s input limits, still opens', () => {
    const csl = { id: sourceId, type: 'report', title: 'T'.repeat(5000), author: [{ family: 'Jones', given: 'R', sequence: 'first' }], custom: { x: 1 } }
    damage('UPDATE sources SET csl = ? WHERE id = ?', JSON.stringify(csl), sourceId)
    expect(project.session.sources.get(sourceId).csl).toEqual(csl)
    expect(searchClaims(project.session.db, {}).items[0]!.shortCitation).toBe('Jones')
  })
})
