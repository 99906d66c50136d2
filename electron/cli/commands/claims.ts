import type { ClaimCard, ClaimQuery, Tag } from '../../shared/dto/claims'
import { AppError } from '../../core/errors'
import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand } from '../command'
import { formatTable, plainSnippet, plural, printJson } from '../output'
import { requireProject, withProject, type OpenProject } from '../project'

/** A tag by its path ("Workforce > Recruitment") or, when that is unambiguous, its name alone. */
async function findTag(project: OpenProject, wanted: string): Promise<Tag> {
  const tags = await project.call('tags.list', {})
  const key = wanted.replace(/\s*>\s*/g, ' > ').trim().toLowerCase()
  const byPath = tags.find((t) => t.path.toLowerCase() === key)
  if (byPath) return byPath
  const byName = tags.filter((t) => t.name.toLowerCase() === key)
  if (byName.length === 1) return byName[0]!
  const known = tags.map((t) => t.path).join(', ') || 'none yet'
  if (byName.length > 1) throw new AppError('INVALID_INPUT', `More than one tag is called “${wanted}”: give its path, one of ${byName.map((t) => `“${t.path}”`).join(', ')}.`)
  throw new AppError('NOT_FOUND', `There is no tag called “${wanted}” in this project. Tags: ${known}.`)
}

function tagNames(card: ClaimCard, tags: Map<string, string>): string {
  return card.tagIds.map((id) => tags.get(id) ?? '').filter(Boolean).join('; ')
}

export const claimsCommand: CliCommand = {
  name: 'claims',
  summary: 'List the claims in a project, or find them by words (--search) or by theme (--tag).',
  usage: 'evident claims --project FILE [--search WORDS] [--tag "Workforce > Recruitment"] [--limit N] [--json]',
  options: { project: projectOption, search: { type: 'string' }, tag: { type: 'string' }, limit: { type: 'string' }, json: jsonOption },
  positionals: { min: 0, max: 0 },
  async run(input, io, env) {
    const path = requireProject(input, 'claims')
    const rawLimit = input.values.limit
    const limit = typeof rawLimit === 'string' ? Number(rawLimit) : 500
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit must be a whole number from 1 to 500, not "${String(rawLimit)}".`)
    const text = typeof input.values.search === 'string' ? input.values.search : undefined
    const tagWanted = typeof input.values.tag === 'string' ? input.values.tag : undefined
    const { page, tags } = await withProject(env, path, { create: false, readOnly: true }, async (project) => {
      const query: ClaimQuery = { limit }
      if (text !== undefined) query.text = text
      if (tagWanted !== undefined) query.tagId = (await findTag(project, tagWanted)).id
      const found = await project.call('claims.search', query)
      return { page: found, tags: new Map((await project.call('tags.list', {})).map((t) => [t.id, t.path])) }
    })
    if (wantsJson(input)) {
      printJson(io, page)
      return 0
    }
    if (page.total === 0) {
      io.out(text || tagWanted ? 'No claim matches.' : 'This project has no claims yet.')
      return 0
    }
    const rows = page.items.map((c) => [
      c.snippet ? plainSnippet(c.snippet) : c.statement,
      c.shortCitation,
      c.status === 'orphaned' ? 'orphaned' : `¶ ${c.anchor.paragraph}`,
      c.strength ?? '',
      tagNames(c, tags),
    ])
    io.out(formatTable(['Claim', 'Source', 'Where', 'Strength', 'Tags'], rows, [70, 24, 9, 8, 40]))
    const shown = page.items.length < page.total ? `${page.items.length} of ${page.total} claims shown` : plural(page.total, 'claim')
    io.out(shown)
    return 0
  },
}
