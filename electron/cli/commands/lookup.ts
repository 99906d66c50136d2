import type { IdentifierKindName, LookupResult } from '../../shared/dto/lookup'
import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand } from '../command'
import { plural, printJson } from '../output'
import { requireProject, withProject } from '../project'

const KINDS: IdentifierKindName[] = ['doi', 'pmid', 'arxiv', 'isbn']

/** The difference as the record form shows it: field, what the record has, what the service has. */
function differenceLines(result: LookupResult): string[] {
  const lines = [`${result.service} has ${plural(result.differences.length, 'field')} that differ from the record${result.unchanged.length ? ` (${result.unchanged.length} the same)` : ''}:`]
  for (const d of result.differences) {
    lines.push(`  ${d.field}`, `    record: ${d.current ?? '(none)'}`, `    found:  ${d.found}`)
  }
  return lines
}

export const lookupCommand: CliCommand = {
  name: 'lookup',
  summary: "Look up a source's record by DOI, PMID, arXiv id or ISBN and show how it differs; --accept writes the fields you name (or all).",
  usage: 'evident lookup --project FILE --source ID (--doi DOI | --pmid PMID | --arxiv ID | --isbn ISBN) [--accept all|FIELD,FIELD...] [--json]',
  options: {
    project: projectOption,
    json: jsonOption,
    source: { type: 'string' },
    doi: { type: 'string' },
    pmid: { type: 'string' },
    arxiv: { type: 'string' },
    isbn: { type: 'string' },
    accept: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run(input, io, env) {
    const path = requireProject(input, 'lookup')
    const source = input.values.source
    if (typeof source !== 'string' || !source.trim()) throw new UsageError('"lookup" needs --source ID: the source whose record to look up (evident sources --json lists the ids).')
    const given = KINDS.filter((kind) => typeof input.values[kind] === 'string')
    if (given.length !== 1) throw new UsageError('"lookup" needs exactly one of --doi, --pmid, --arxiv or --isbn.')
    const kind = given[0]!
    const accept = typeof input.values.accept === 'string' ? input.values.accept.trim() : undefined
    const json = wantsJson(input)
    return withProject(env, path, { create: false }, async (project) => {
      const result = await project.call('sources.lookup', { id: source, identifier: input.values[kind] as string, kind })
      if (!accept) {
        if (json) printJson(io, result)
        else {
          for (const line of differenceLines(result)) io.out(line)
          if (result.differences.length) io.out(`Nothing was changed. Add --accept all, or --accept ${result.differences.slice(0, 2).map((d) => d.field).join(',')}, to take fields.`)
        }
        return 0
      }
      const fields = accept === 'all' ? result.differences.map((d) => d.field) : accept.split(',').map((f) => f.trim()).filter(Boolean)
      if (!fields.length) {
        if (json) printJson(io, { lookup: result, accepted: [] })
        else io.out(`The record already says what ${result.service} says: nothing to accept.`)
        return 0
      }
      const detail = await project.call('sources.acceptLookup', { id: source, lookupId: result.lookupId, fields })
      if (json) printJson(io, { lookup: result, accepted: fields, record: detail.csl })
      else {
        for (const line of differenceLines(result)) io.out(line)
        io.out(`Accepted ${plural(fields.length, 'field')} from ${result.service}: ${fields.join(', ')}.`)
      }
      return 0
    })
  },
}
