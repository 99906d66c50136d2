import { describe, expect, it } from 'vitest'
import type { TrashEntry } from '@shared/dto/trash'
import { useStarterProjectCli } from './run-cli'

describe('an analyst using the Trash from the command line', () => {
  const cli = useStarterProjectCli('evident-cli-trash-')
  const { evident } = cli

  it('lists an empty Trash, refuses wrong words plainly, and empties only with --yes', async () => {
    expect((await evident('trash', 'list', '--project', cli.project)).out).toBe('The Trash is empty.')
    expect(JSON.parse((await evident('trash', 'list', '--project', cli.project, '--json')).out)).toEqual([])
    const wrong = await evident('trash', 'shred', '--project', cli.project)
    expect(wrong.code).toBe(2)
    expect(wrong.err).toContain('"trash" takes list, restore or empty, not "shred".')
    const unknown = await evident('trash', 'restore', '--project', cli.project, 'nope')
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('That item is no longer in the Trash.')
    const unconfirmed = await evident('trash', 'empty', '--project', cli.project)
    expect(unconfirmed.code).toBe(1)
    expect(unconfirmed.err).toContain('Run again with --yes')
    const emptied = await evident('trash', 'empty', '--project', cli.project, '--yes')
    expect(emptied.code).toBe(0)
    expect(emptied.out).toBe('Deleted 0 items for good.')
    const entries = JSON.parse((await evident('trash', 'list', '--project', cli.project, '--json')).out) as TrashEntry[]
    expect(entries).toEqual([])
  })
})
