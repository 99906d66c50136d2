import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProjectFile } from '../../electron/core/app/handlers/project'
import { citationsOf, sectionsOf } from '../../electron/core/briefs/content'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'

describe('the starter brief', () => {
  const temp = useTempDir()

  it('a first-time analyst finds a draft policy brief citing starter claims on both sides', async () => {
    const session = await createProjectFile(join(temp(), 'starter.evident'), true, RESOURCES_DIR)
    const briefs = new BriefRepository(session.db)
    const [summary] = briefs.list()
    expect(summary).toMatchObject({ title: 'Should hospital trusts run general practice?', style: 'harvard', notes: 'none' })
    const brief = briefs.get(summary!.id)
    expect(brief.readOnly).toBe(false)
    expect(sectionsOf(brief.content).map((s) => s.title)).toEqual(['Key messages', 'Background', 'The problem', 'Options', 'Recommendations', 'References'])
    const cited = citationsOf(brief.content)
    expect(cited.length).toBeGreaterThanOrEqual(20)
    const claimIds = new Set((session.db.prepare('SELECT id FROM claims').pluck().all() as string[]))
    for (const citation of cited) expect(claimIds.has(citation.claimId)).toBe(true)
    const stances = session.db
      .prepare(`SELECT DISTINCT stance FROM claim_stances WHERE claim_id IN (${cited.map(() => '?').join(',')})`)
      .pluck()
      .all(...cited.map((c) => c.claimId))
    expect(stances).toEqual(expect.arrayContaining(['supports', 'opposes']))
    expect(brief.questionId).not.toBeNull()
    session.close()
  })
})
