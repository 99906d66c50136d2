import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useStarterProjectCli } from './run-cli'

describe('an analyst listing briefs from the command line', () => {
  const cli = useStarterProjectCli('evident-cli-briefs-')
  const { evident } = cli

  it('lists the starter brief with its sections and the claims each cites, as JSON', async () => {
    const run = await evident('briefs', '--project', cli.project, '--json')
    expect(run.code).toBe(0)
    const [brief] = JSON.parse(run.out) as { title: string; citationCount: number; sections: { title: string; claimIds: string[] }[] }[]
    expect(brief!.title).toBe('Should hospital trusts run general practice?')
    expect(brief!.sections.map((s) => s.title)).toContain('Options')
    expect(brief!.sections.find((s) => s.title === 'Key messages')!.claimIds.length).toBeGreaterThan(0)
    expect(brief!.citationCount).toBeGreaterThan(0)
  })

  it('prints a readable outline without --json', async () => {
    const run = await evident('briefs', '--project', cli.project)
    expect(run.code).toBe(0)
    expect(run.out).toMatch(/^Should hospital trusts run general practice\? {2}\(id \w+, \d+ citations, harvard, none\)/)
    expect(run.out).toMatch(/ {2}Key messages: \d+ claims cited/)
  })

  it('says plainly when the cli.project does not exist', async () => {
    const run = await evident('briefs', '--project', join(cli.dir, 'missing.evident'))
    expect(run.code).toBe(1)
    expect(run.err).toMatch(/^evident: .*does not exist/)
  })
})
