import { jsonOption, projectOption, UsageError, type CliCommand } from '../command'
import { plainSnippet } from '../output'
import { reportFromProject, requireProject } from '../project'

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search the text of every source; shows the best-matching paragraphs.',
  usage: 'evident search --project FILE QUERY... [--limit N] [--json]',
  options: { project: projectOption, limit: { type: 'string' }, json: jsonOption },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, label: 'QUERY (the words to look for)' },
  async run(input, io, env) {
    requireProject(input, 'search')
    const query = input.positionals.join(' ')
    const rawLimit = input.values.limit
    const limit = typeof rawLimit === 'string' ? Number(rawLimit) : undefined
    if (limit !== undefined && !Number.isInteger(limit)) throw new UsageError(`--limit must be a whole number, not "${String(rawLimit)}".`)
    return reportFromProject(
      input,
      io,
      env,
      'search',
      (project) => project.call('sources.search', limit === undefined ? { query } : { query, limit }),
      (hits) => {
        if (hits.length === 0) return io.out(`No paragraph matches “${query}”.`)
        for (const hit of hits) io.out(`${hit.sourceTitle}, ¶ ${hit.paragraphNumber}\n  ${plainSnippet(hit.snippet)}`)
      },
    )
  },
}
