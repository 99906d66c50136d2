import type { TrashEntry } from '../../shared/dto/trash'
import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand, type CliIo } from '../command'
import { formatTable, plural, printJson } from '../output'
import { requireProject, withProject } from '../project'

const ACTIONS = ['list', 'restore', 'empty'] as const

function printList(io: CliIo, entries: TrashEntry[]): void {
  if (!entries.length) return io.out('The Trash is empty.')
  const rows = entries.map((e) => [e.id, e.kind, e.name, e.detail, e.trashedAt.slice(0, 16).replace('T', ' ')])
  io.out(formatTable(['Id', 'Kind', 'Name', 'Held', 'Deleted (UTC)'], rows, [16, 8, 50, 50, 16]))
}

/**
 * `evident trash list|restore|empty --project FILE`: what was deleted, putting it back by id, and emptying
 * the Trash, which cannot be undone and so asks for --yes as export asks for --overwrite.
 */
export const trashCommand: CliCommand = {
  name: 'trash',
  summary: 'List what is in the Trash, restore items by id, or empty it (--yes).',
  usage: 'evident trash list|restore|empty --project FILE [ID...] [--yes] [--json]',
  options: { project: projectOption, json: jsonOption, yes: { type: 'boolean' } },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, label: 'list, restore or empty' },
  async run(input, io, env) {
    const [action, ...ids] = input.positionals
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number])) throw new UsageError(`"trash" takes list, restore or empty, not "${action}".`)
    if (action !== 'restore' && ids.length) throw new UsageError(`"trash ${action}" takes no ids.`)
    if (action === 'restore' && !ids.length) throw new UsageError('"trash restore" needs the id of at least one item (see: evident trash list).')
    const path = requireProject(input, 'trash')
    if (action === 'list') {
      const entries = await withProject(env, path, { create: false, readOnly: true }, (p) => p.call('trash.list', {}))
      if (wantsJson(input)) printJson(io, entries)
      else printList(io, entries)
      return 0
    }
    if (action === 'empty' && input.values.yes !== true) {
      io.err('Emptying the Trash deletes its items for good. Run again with --yes to do it.')
      return 1
    }
    if (action === 'restore') {
      const result = await withProject(env, path, { create: false }, (p) => p.call('trash.restore', { ids }))
      if (wantsJson(input)) printJson(io, result)
      else for (const e of result.restored) io.out(`restored  ${e.kind} “${e.name}”`)
      return 0
    }
    const result = await withProject(env, path, { create: false }, (p) => p.call('trash.empty', {}))
    if (wantsJson(input)) printJson(io, result)
    else io.out(`Deleted ${plural(result.purged, 'item')} for good.`)
    return 0
  },
}
