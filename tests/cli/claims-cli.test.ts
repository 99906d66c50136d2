import { describe, expect, it } from 'vitest'
import { useStarterProjectCli } from './run-cli'
import type { ClaimPage } from '@shared/dto/claims'

describe('an analyst listing claims from the command line', () => {
  const cli = useStarterProjectCli('evident-cli-claims-')
  const { evident } = cli

  it('lists the starter claims as a table with their source and paragraph', async () => {
    const run = await evident('claims', '--project', cli.project)
    expect(run.code).toBe(0)
    expect(run.out.split('\n')[0]).toMatch(/^Claim +Source +Where +Strength +Tags$/)
    expect(run.out).toMatch(/Iacobucci 2014 +¶ \d+/)
    expect(run.out).toMatch(/\d+ claims$/)
  })

  it('finds claims by words, with the matches in brackets, and by theme including sub-themes', async () => {
    const search = await evident('claims', '--project', cli.project, '--search', 'recruit*')
    expect(search.code).toBe(0)
    expect(search.out).toMatch(/\[recruit\w*\]/i)
    const json = await evident('claims', '--project', cli.project, '--tag', 'workforce', '--json')
    const page = JSON.parse(json.out) as ClaimPage
    expect(page.total).toBeGreaterThanOrEqual(4)
    const sub = JSON.parse((await evident('claims', '--project', cli.project, '--tag', 'Workforce>Recruitment', '--json')).out) as ClaimPage
    expect(sub.total).toBeLessThan(page.total)
  })

  it('says plainly when a tag does not exist or the search finds nothing', async () => {
    const missing = await evident('claims', '--project', cli.project, '--tag', 'Nonsense')
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('There is no tag called “Nonsense”')
    const none = await evident('claims', '--project', cli.project, '--search', '"zebra crossing"')
    expect(none.code).toBe(0)
    expect(none.out).toBe('No claim matches.')
    expect((await evident('claims', '--project', cli.project, '--search', 'NEAR( AND "')).code).toBe(0)
    expect((await evident('claims', '--project', cli.project, '--limit', 'ten')).code).toBe(2)
  })
})
