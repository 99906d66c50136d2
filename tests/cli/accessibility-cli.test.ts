import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rootOf } from '../../electron/core/briefs/content'
import { paragraph, text } from '../../electron/core/briefs/nodes'
import { BriefRepository } from '../../electron/core/briefs/repository'
import { ProjectSession } from '../../electron/core/project/session'
import { useStarterProjectCli } from './run-cli'

const BRIEF = 'Should hospital trusts run general practice?'

describe('the accessibility gate on the command line', () => {
  const cli = useStarterProjectCli('evident-a11y-cli-')

  it('evident check passes the starter brief, then lists a “click here” link as an error and exits 1', async () => {
    const clean = await cli.evident('check', '--project', cli.project, '--brief', BRIEF)
    expect(clean.out).not.toContain('ERROR')
    expect(clean.code).toBe(0)

    // The analyst adds a paragraph with a link that says nothing on its own.
    const session = ProjectSession.open(cli.project)
    const briefs = new BriefRepository(session.db)
    const id = briefs.resolve(BRIEF)
    const content = structuredClone(briefs.get(id).content)
    rootOf(content).children!.splice(2, 0, paragraph(text('For the figures, '), { type: 'link', version: 1, url: 'https://example.org/data', rel: null, target: null, title: null, children: [text('click here')], direction: 'ltr', format: '', indent: 0 }, text('.')))
    briefs.save(id, JSON.stringify(content))
    session.close()

    const failing = await cli.evident('check', '--project', cli.project, '--brief', BRIEF)
    expect(failing.code).toBe(1)
    expect(failing.out).toMatch(/Accessibility: 1 error \(the export refuses them unless --force\)/)
    expect(failing.out).toMatch(/ERROR\s+block 3\s+The link text “click here” does not say where it leads/)
  })

  it('evident export refuses the brief, writes nothing and says how to override; --force exports it', async () => {
    const out = join(cli.dir, 'brief.docx')
    const refused = await cli.evident('export', '--project', cli.project, '--brief', BRIEF, '--out', out)
    expect(refused.code).not.toBe(0)
    expect(refused.err).toContain('1 accessibility problem that GOV.UK')
    expect(refused.err).toContain('Add --force to export anyway.')
    expect(existsSync(out)).toBe(false)

    const forced = await cli.evident('export', '--project', cli.project, '--brief', BRIEF, '--out', out, '--force')
    expect(forced.code).toBe(0)
    expect(existsSync(out)).toBe(true)
    expect(forced.err).toContain('Exported with --force: the accessibility errors below are in the document.')
  })
})
