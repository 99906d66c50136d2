import { formatTable } from '../output'
import { listingCommand } from '../project'

export const sourcesCommand = listingCommand({
  name: 'sources',
  summary: 'List the sources in a project: title, authors, year, format and paragraph count.',
  load: (project) => project.call('sources.list', {}),
  printText: (sources, io) => {
    if (sources.length === 0) return io.out('This project has no sources yet. Add some with: evident import --project FILE PATH...')
    const rows = sources.map((s) => [s.title, s.authors, s.year, s.format, String(s.paragraphCount)])
    io.out(formatTable(['Title', 'Authors', 'Year', 'Format', '¶'], rows, [60, 30, 6, 6, 6]))
  },
})
