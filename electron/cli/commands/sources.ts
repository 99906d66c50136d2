import { jsonOption, projectOption, type CliCommand } from '../command'
import { formatTable } from '../output'
import { reportFromProject } from '../project'

export const sourcesCommand: CliCommand = {
  name: 'sources',
  summary: 'List the sources in a project: title, authors, year, format and paragraph count.',
  usage: 'evident sources --project FILE [--json]',
  options: { project: projectOption, json: jsonOption },
  positionals: { min: 0, max: 0 },
  run: (input, io, env) =>
    reportFromProject(input, io, env, 'sources', (project) => project.call('sources.list', {}), (sources) => {
      if (sources.length === 0) return io.out('This project has no sources yet. Add some with: evident import --project FILE PATH...')
      const rows = sources.map((s) => [s.title, s.authors, s.year, s.format, String(s.paragraphCount)])
      io.out(formatTable(['Title', 'Authors', 'Year', 'Format', '¶'], rows, [60, 30, 6, 6, 6]))
    }),
}
