import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand } from '../command'
import { plainSnippet, printJson } from '../output'
import { requireProject, withProject } from '../project'

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search the text of every source; shows the best-matching paragraphs.',
  usage: 'evident search --project FILE QUERY... [--limit N] [--json]',
  options: { project: projectOption, limit: { type: 'string' }, json: jsonOption },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, label: 'QUERY (the words to look for)' },
  async run(input, io, env) {
    const path = requireProject(input, 'search')
    const query = input.positionals.join(' ')
    const rawLimit = input.values.limit
    const limit = typeof rawLimit === 'string' ? Number(rawLimit) : undefined
    if (limit !== undefined && !Number.isInteger(limit)) throw new UsageError(`--limit must be a whole number, not "${String(rawLimit)}".`)
    const hits = await withProject(env, path, { create: false }, (project) =>
      project.call('sources.search', limit === undefined ? { query } : { query, limit }),
    )
    if (wantsJson(input)) {
      printJson(io, hits)
      return 0
    }
    if (hits.length === 0) {
      io.out(`No paragraph matches “${query}”.`)
      return 0
    }
    for (const hit of hits) io.out(`${hit.sourceTitle}, ¶ ${hit.paragraphNumber}\n  ${plainSnippet(hit.snippet)}`)
    return 0
  },
}
