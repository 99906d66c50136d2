import { jsonOption, projectOption, wantsJson, type CliCommand } from '../command'
import { formatTable, printJson } from '../output'
import { requireProject, withProject } from '../project'

export const sourcesCommand: CliCommand = {
  name: 'sources',
  summary: 'List the sources in a project: title, authors, year, format and paragraph count.',
  usage: 'evident sources --project FILE [--json]',
  options: { project: projectOption, json: jsonOption },
  positionals: { min: 0, max: 0 },
  async run(input, io, env) {
    const path = requireProject(input, 'sources')
    const sources = await withProject(env, path, { create: false }, (project) => project.call('sources.list', {}))
    if (wantsJson(input)) {
      printJson(io, sources)
      return 0
    }
    if (sources.length === 0) {
      io.out('This project has no sources yet. Add some with: evident import --project FILE PATH...')
      return 0
    }
    const rows = sources.map((s) => [s.title, s.authors, s.year, s.format, String(s.paragraphCount)])
    io.out(formatTable(['Title', 'Authors', 'Year', 'Format', '¶'], rows, [60, 30, 6, 6, 6]))
    return 0
  },
}
