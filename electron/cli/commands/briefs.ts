import { listingCommand } from '../project'

export const briefsCommand = listingCommand({
  name: 'briefs',
  summary: 'List the briefs in a project with their sections and the claims each section cites.',
  load: async (project) => {
    const [summaries, outlines] = [await project.call('briefs.list', {}), await project.call('briefs.outline', {})]
    return summaries.map((summary) => ({ ...summary, sections: outlines.find((o) => o.id === summary.id)?.sections ?? [] }))
  },
  printText: (briefs, io) => {
    if (briefs.length === 0) return io.out('This project has no briefs yet.')
    for (const brief of briefs) {
      io.out(`${brief.title}  (id ${brief.id}, ${brief.citationCount} citations, ${brief.style}, ${brief.notes})`)
      for (const section of brief.sections) io.out(`  ${section.title}: ${section.claimIds.length} claims cited`)
    }
  },
})
