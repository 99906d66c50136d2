import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runEvident } from './run-cli'

let dir: string
let project: string

const evident = (...argv: string[]) => runEvident(dir, argv)

describe('an analyst listing briefs from the command line', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evident-cli-briefs-'))
    project = join(dir, 'Starter.evident')
    expect((await evident('new', '--project', project, '--starter')).code).toBe(0)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('lists the starter brief with its sections and the claims each cites, as JSON', async () => {
    const run = await evident('briefs', '--project', project, '--json')
    expect(run.code).toBe(0)
    const [brief] = JSON.parse(run.out) as { title: string; citationCount: number; sections: { title: string; claimIds: string[] }[] }[]
    expect(brief!.title).toBe('Should hospital trusts run general practice?')
    expect(brief!.sections.map((s) => s.title)).toContain('Options')
    expect(brief!.sections.find((s) => s.title === 'Key messages')!.claimIds.length).toBeGreaterThan(0)
    expect(brief!.citationCount).toBeGreaterThan(0)
  })

  it('prints a readable outline without --json', async () => {
    const run = await evident('briefs', '--project', project)
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^Should hospital trusts run general practice\? {2}\(id \w+, \d+ citations, vancouver, footnotes\)/)
    expect(run.out).toMatch(/ {2}Key messages: \d+ claims cited/)
  })

  it('says plainly when the project does not exist', async () => {
    const run = await evident('briefs', '--project', join(dir, 'missing.evident'))
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/^evident: .*does not exist/)
  })
})
