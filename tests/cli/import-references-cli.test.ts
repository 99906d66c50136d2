import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SourceSummary } from '@shared/dto/sources'
import { useStarterProjectCli } from './run-cli'

describe('evident import refs.bib', () => {
  const cli = useStarterProjectCli('evident-cli-refs-')

  it('makes a source of each entry that matches none, updates the one that matches, and says what it skipped', async () => {
    const bib = join(cli.dir, 'refs.bib')
    writeFileSync(
      bib,
      [
        '@report{pcn2019, author = {{The King\'s Fund}}, title = {Primary care networks explained}, year = {2019}}',
        '@article{iacobucci2014, author = {Iacobucci, Gareth}, title = {Hospitals could run general practice services in underserved areas}, journal = {BMJ}, year = {2014}, doi = {10.1136/bmj.g6055}}',
        '@article{bad2015, title = {A field with no value}, year = ,}',
      ].join('\n'),
    )
    const run = await cli.evident('import', bib, '--project', cli.project)
    expect(run.code).toBe(0)
    expect(run.out).toContain('refs.bib: BibTeX, 3 entries found, 2 read (1 new source known by reference only, 1 record of existing sources updated), 1 skipped')
    expect(run.out).toMatch(/skipped bad2015 \(line 3\): expected "lbrace", got "comma" \(line 3, column \d+\)/)
    expect(run.out).toContain('reference refs.bib: “Primary care networks explained” (reference only, no text yet)')
    expect(run.out).toContain('updated “Hospitals could run general practice services in underserved areas” (matched by DOI)')
    const sources = JSON.parse((await cli.evident('sources', '--project', cli.project, '--json')).out) as SourceSummary[]
    expect(sources.find((s) => s.title === 'Primary care networks explained')).toMatchObject({ referenceOnly: true, paragraphCount: 0 })
    expect(sources.filter((s) => s.referenceOnly)).toHaveLength(1)
  })

  it('binary junk named .bib fails with a plain message and adds nothing', async () => {
    const junk = join(cli.dir, 'junk.bib')
    writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)))
    const before = (await cli.evident('sources', '--project', cli.project, '--json')).out
    const run = await cli.evident('import', junk, '--project', cli.project)
    expect(run.code).toBe(1)
    expect(run.out).toMatch(/failed {4}junk\.bib: .*(not text|binary)/)
    expect((await cli.evident('sources', '--project', cli.project, '--json')).out).toBe(before)
  })
})
