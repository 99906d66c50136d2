import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { SourceSummary } from '@shared/dto/sources'
import type { TrashEntry } from '@shared/dto/trash'
import { RESOURCES_DIR } from '../helpers/temp'
import { useStarterProjectCli } from './run-cli'

describe('an analyst using the Trash from the command line', () => {
  const cli = useStarterProjectCli('evident-cli-trash-')
  const { evident } = cli

  it('lists an empty Trash, refuses wrong words plainly, and empties only with --yes', async () => {
    expect((await evident('trash', 'list', '--project', cli.project)).out).toBe('The Trash is empty.')
    expect(JSON.parse((await evident('trash', 'list', '--project', cli.project, '--json')).out)).toEqual([])
    const refusals = [
      { argv: ['trash', 'shred', '--project', cli.project], code: 2, says: '"trash" takes list, restore or empty, not "shred".' },
      { argv: ['trash', 'restore', '--project', cli.project, 'nope'], code: 1, says: 'That item is no longer in the Trash.' },
      { argv: ['trash', 'empty', '--project', cli.project], code: 1, says: 'Run again with --yes' },
    ]
    for (const { argv, code, says } of refusals) {
      const refused = await evident(...argv)
      expect(refused.code, argv.join(' ')).toBe(code)
      expect(refused.err).toContain(says)
    }
    const emptied = await evident('trash', 'empty', '--project', cli.project, '--yes')
    expect(emptied.code).toBe(0)
    expect(emptied.out).toBe('Deleted 0 items for good.')
    const entries = JSON.parse((await evident('trash', 'list', '--project', cli.project, '--json')).out) as TrashEntry[]
    expect(entries).toEqual([])
  })
})

describe('importing from the command line a file whose source is in the Trash', () => {
  const cli = useStarterProjectCli('evident-cli-trash-import-')
  const { evident } = cli

  it('imports no copy, names the source waiting in the Trash, and prints the command that brings it back', async () => {
    const file = join(cli.dir, 'Ward closures.txt')
    writeFileSync(file, 'Ward closures rose by a third in the winter of 2023, the trust reported.\n\nBeds were lost in every region.\n')
    expect((await evident('import', '--project', cli.project, file)).code).toBe(0)
    const sourceOf = async () => (JSON.parse((await evident('sources', '--project', cli.project, '--json')).out) as SourceSummary[]).find((s) => s.fileName === 'Ward closures.txt')
    const source = (await sourceOf())!
    await removeSource(cli, source.id)

    const again = await evident('import', '--project', cli.project, file)
    expect(again.code).toBe(0)
    expect(again.out).toContain('0 imported, 0 duplicates skipped, 0 failed.')
    expect(again.out).toContain(`  in Trash  Ward closures.txt: “${source.title}” is in the Trash`)
    expect(await sourceOf()).toBeUndefined()
    const printed = /evident trash restore --project (\S+) (\S+) brings it back with its claims/.exec(again.out)
    expect(printed?.[1]).toBe(cli.project)
    const id = printed![2]!
    const restored = await evident('trash', 'restore', '--project', cli.project, id)
    expect(restored.out).toBe(`restored  source “${source.title}”`)
    expect((await sourceOf())?.id).toBe(source.id)
  })
})

/** The CLI has no command that removes a source: the app's own core does it, then lets the file go. */
async function removeSource(cli: { dir: string; project: string }, id: string): Promise<void> {
  const core = await createCore({ userDataDir: join(cli.dir, 'core-user-data'), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
  try {
    await core.openProject(cli.project)
    await dispatch(core.handlers, 'sources.remove', { id })
  } finally {
    core.close()
  }
}
