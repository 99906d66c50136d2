import { jsonOption, projectOption, wantsJson, type CliCommand } from '../command'
import { printJson, plural } from '../output'
import { requireProject, withProject } from '../project'

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'Create a project file; --starter fills it with the five starter articles.',
  usage: 'evident new --project FILE [--starter] [--json]',
  options: { project: projectOption, starter: { type: 'boolean' }, json: jsonOption },
  positionals: { min: 0, max: 0 },
  async run(input, io, env) {
    const path = requireProject(input, 'new')
    const info = await withProject(env, path, { create: true, starter: input.values.starter === true }, async (project) => project.info)
    if (wantsJson(input)) printJson(io, info)
    else io.out(`Created “${info.name}” at ${info.path} with ${plural(info.sourceCount, 'source')}.`)
    return 0
  },
}
