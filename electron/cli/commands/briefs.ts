import { jsonOption, projectOption, wantsJson, type CliCommand } from '../command'
import { printJson } from '../output'
import { requireProject, withProject } from '../project'

export const briefsCommand: CliCommand = {
  name: 'briefs',
  summary: 'List the briefs in a project with their sections and the claims each section cites.',
  usage: 'evident briefs --project FILE [--json]',
  options: { project: projectOption, json: jsonOption },
  positionals: { min: 0, max: 0 },
  async run(input, io, env) {
    const path = requireProject(input, 'briefs')
    const { summaries, outlines } = await withProject(env, path, { create: false }, async (project) => ({
      summaries: await project.call('briefs.list', {}),
      outlines: await project.call('briefs.outline', {}),
    }))
    const briefs = summaries.map((summary) => ({ ...summary, sections: outlines.find((o) => o.id === summary.id)?.sections ?? [] }))
    if (wantsJson(input)) {
      printJson(io, briefs)
      return 0
    }
    if (briefs.length === 0) {
      io.out('This project has no briefs yet.')
      return 0
    }
    for (const brief of briefs) {
      io.out(`${brief.title}  (id ${brief.id}, ${brief.citationCount} citations, ${brief.style}, ${brief.notes})`)
      for (const section of brief.sections) io.out(`  ${section.title}: ${section.claimIds.length} claims cited`)
    }
    return 0
  },
}
