import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProjectFile } from '../../electron/core/app/handlers/project'
import { QuestionRepository } from '../../electron/core/claims/questions'
import { ClaimRepository } from '../../electron/core/claims/repository'
import { searchClaims } from '../../electron/core/claims/search'
import { readStarterClaims, seedStarterClaims } from '../../electron/core/starter/claims'
import { TagRepository } from '../../electron/core/claims/tags'
import type { ProjectSession } from '../../electron/core/project/session'
import { RESOURCES_DIR } from '../helpers/temp'

describe('the starter project’s claims', () => {
  let dir: string
  let session: ProjectSession
  const starter = readStarterClaims(RESOURCES_DIR)!

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evident-starter-claims-'))
    session = await createProjectFile(join(dir, 'starter.evident'), true, RESOURCES_DIR)
  })
  afterAll(() => {
    session.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('quotes every starter claim verbatim from one paragraph of the normalised source text', () => {
    const sources = new Map(session.sources.list().map((s) => [s.fileName, session.sources.get(s.id)]))
    for (const entry of starter.claims) {
      const source = sources.get(entry.file)
      expect(source, entry.file).toBeDefined()
      const start = source!.text.indexOf(entry.quote)
      expect(start, `not in ${entry.file}: ${entry.quote}`).toBeGreaterThanOrEqual(0)
      expect(source!.text.indexOf(entry.quote, start + 1), `repeated: ${entry.quote}`).toBe(-1)
      expect(source!.paragraphs.some((p) => p.text.includes(entry.quote)), `spans paragraphs: ${entry.quote}`).toBe(true)
    }
  })

  it('opens with every starter claim anchored exactly where its quote is', () => {
    const claims = new ClaimRepository(session.db)
    const all = searchClaims(session.db, { limit: 500 }).items
    expect(all).toHaveLength(starter.claims.length)
    expect(all.length).toBeGreaterThanOrEqual(20)
    for (const card of all) {
      const claim = claims.get(card.id)
      const text = session.sources.get(claim.sourceId!).text
      expect(claim.status).toBe('anchored')
      expect(text.slice(claim.anchor.start, claim.anchor.end)).toBe(claim.quote)
      expect(claim.anchor.paragraph).toBeGreaterThan(0)
    }
  })

  it('takes every side of “Should hospital trusts run general practice?”, across a hierarchy of themes', () => {
    const [question] = new QuestionRepository(session.db).list()
    expect(question).toMatchObject({ text: 'Should hospital trusts run general practice?', claimCount: starter.claims.length })
    for (const stance of ['supports', 'opposes', 'mixed', 'neutral'] as const) {
      expect(searchClaims(session.db, { questionId: question!.id, stance }).total, stance).toBeGreaterThanOrEqual(3)
    }
    const paths = new TagRepository(session.db).list().map((t) => t.path)
    expect(paths).toEqual(
      expect.arrayContaining(['Workforce > Recruitment', 'Workforce > Morale', 'Funding', 'Integration > Hospital trusts', 'Integration > Community services', 'Governance > Independent contractor model', 'Access and demand']),
    )
    const evidenceTypes = new Set(searchClaims(session.db, { limit: 500 }).items.map((c) => c.evidenceType))
    expect(evidenceTypes.size).toBe(5)
  })

  it('finds starter claims by theme and by word', () => {
    const workforce = new TagRepository(session.db).list().find((t) => t.path === 'Workforce')!
    expect(searchClaims(session.db, { tagId: workforce.id }).total).toBeGreaterThanOrEqual(4)
    expect(searchClaims(session.db, { text: 'recruit*' }).total).toBeGreaterThanOrEqual(2)
  })

  it('does not add the starter claims twice', () => {
    expect(seedStarterClaims(session, RESOURCES_DIR)).toBe(0)
    expect(session.info().claimCount).toBe(starter.claims.length)
  })
})
