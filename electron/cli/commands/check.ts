import type { IntegrityReport } from '../../shared/dto/citations'
import { CITED_WITHOUT_QUOTE, WHOLE_WORK } from '../../shared/dto/claims'
import { AppError } from '../../core/errors'
import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand, type CliIo, type CommandInput } from '../command'
import { formatTable, plural, printJson } from '../output'
import { requireProject, withProject, type OpenProject } from '../project'
import { onlineExitCode, printOnlineReport, printStoredNotices } from './check-online'

export function requireBrief(input: CommandInput, command: string): string {
  const brief = input.values.brief
  if (typeof brief !== 'string' || brief.trim() === '') throw new UsageError(`"${command}" needs --brief ID or --brief "TITLE": the brief to use.`)
  return brief.trim()
}

/** A brief named by its id or, as people remember it, by its title (case-insensitive). */
export async function resolveBrief(project: OpenProject, idOrTitle: string): Promise<{ id: string; title: string }> {
  const briefs = await project.call('briefs.list', {})
  const wanted = idOrTitle.toLocaleLowerCase()
  const match = briefs.find((b) => b.id === idOrTitle) ?? briefs.find((b) => b.title.toLocaleLowerCase() === wanted)
  if (!match) throw new AppError('NOT_FOUND', `There is no brief called “${idOrTitle}” in this project: check its id, or its exact title.`)
  return { id: match.id, title: match.title }
}

const STATUS_TEXT = { ok: 'ok', changed: 'CHANGED', orphaned: 'ORPHANED', deleted: 'DELETED' } as const

export function printReport(io: CliIo, report: IntegrityReport, title: string): void {
  const failing = report.items.filter((i) => i.status !== 'ok')
  if (report.citationCount === 0) {
    io.out(`“${title}” cites nothing yet: there are no quotes to check.`)
    return
  }
  if (!failing.length) {
    io.out(`All ${plural(report.items.length, 'cited quote')} in “${title}” match their sources (${plural(report.citationCount, 'citation')}).`)
  } else {
    io.out(`${failing.length} of ${plural(report.items.length, 'cited quote')} in “${title}” no longer match their sources:`)
    const rows = failing.map((i) => [STATUS_TEXT[i.status], i.sourceTitle, i.detail])
    io.out(formatTable(['Status', 'Source', 'What changed'], rows, [9, 40, 100]))
  }
  printCitedWithoutQuote(io, report)
  printForbiddenCharacters(io, report)
  printGuessedReferences(io, report)
  printStoredNotices(io, report)
  printAccessibility(io, report)
  printLeftOut(io, report)
}

/** A note, not a failure: what of the template the export leaves out until the analyst writes in it. */
function printLeftOut(io: CliIo, report: IntegrityReport): void {
  const items = report.leftOut
  if (!items.length) return
  io.out(`Left out of the export (${plural(items.length, 'item')} of the template not written yet):`)
  const rows = items.map((i) => [`block ${i.block + 1}`, i.kind === 'empty-section' ? `“${i.title}”: nothing written under it yet` : `placeholder text${i.title ? ` in “${i.title}”` : ''}`])
  io.out(formatTable(['Where', 'What'], rows, [10, 100]))
}

/** The GOV.UK accessible-document check: errors stop the export (unless --force), warnings are for a look. */
function printAccessibility(io: CliIo, report: IntegrityReport): void {
  const items = report.accessibility
  if (!items.length) {
    io.out('Accessibility: headings in order, link text, italics and sentence length all pass.')
    return
  }
  const errors = items.filter((i) => i.severity === 'error').length
  io.out(`Accessibility: ${plural(errors, 'error')} (the export refuses them unless --force), ${plural(items.length - errors, 'warning')}:`)
  const rows = [...items].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning')).map((i) => [i.severity === 'error' ? 'ERROR' : 'warning', `block ${i.block + 1}`, i.message + (i.excerpt && !i.message.includes(i.excerpt) ? ` (“${i.excerpt}”)` : '')])
  io.out(formatTable(['Severity', 'Where', 'What'], rows, [8, 10, 120]))
}

/** A note, not a failure: claims that cite a whole work, with no quote to check. */
function printCitedWithoutQuote(io: CliIo, report: IntegrityReport): void {
  const whole = report.citedWithoutQuote
  if (!whole.length) return
  io.out(`${CITED_WITHOUT_QUOTE} (${plural(whole.length, 'claim')} ${whole.length === 1 ? 'cites its source' : 'cite their sources'} as a ${WHOLE_WORK}):`)
  const rows = whole.map((w) => [w.sourceTitle, w.statement, w.textAttached ? 'full text attached: it can be tied to a quote now' : 'reference only'])
  io.out(formatTable(['Source', 'Claim', 'Text'], rows, [40, 60, 50]))
}

function printForbiddenCharacters(io: CliIo, report: IntegrityReport): void {
  const found = report.forbiddenCharacters ?? []
  if (!found.length) return
  io.out(`${plural(found.length, 'cited quote')} ${found.length === 1 ? 'holds' : 'hold'} characters a Word document cannot carry; the export leaves them out:`)
  io.out(formatTable(['Source', 'Characters'], found.map((f) => [f.sourceTitle, f.characters]), [40, 60]))
}

/** 1 when a quote no longer matches, holds characters the .docx will not carry, or the brief has an accessibility error. */
export function checkExitCode(report: IntegrityReport): number {
  return report.ok && !report.forbiddenCharacters?.length && !report.accessibility.some((i) => i.severity === 'error') ? 0 : 1
}

/** A warning, not a failure: the references of these cited sources still rest on Evident's guesses. */
function printGuessedReferences(io: CliIo, report: IntegrityReport): void {
  const guessed = report.guessedReferences
  if (!guessed.length) return
  io.out(`${plural(guessed.length, 'cited source')} still ${guessed.length === 1 ? 'has' : 'have'} guessed fields in ${guessed.length === 1 ? 'its' : 'their'} reference (check and confirm them in Edit record):`)
  io.out(formatTable(['Source', 'Guessed fields'], guessed.map((g) => [g.sourceTitle, g.fields.join(', ')]), [60, 60]))
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary:
    'Check every quote a brief cites against the stored source text, and the brief against the accessible-document rules; exits 1 if a quote no longer matches or holds characters a .docx cannot carry, or on an accessibility error. --online also asks Crossref about every cited source with a DOI (retractions, corrections, expressions of concern) and exits 1 when one is retracted or could not be checked.',
  usage: 'evident check --project FILE --brief ID|TITLE [--online] [--json]',
  options: { project: projectOption, brief: { type: 'string' }, online: { type: 'boolean' }, json: jsonOption },
  positionals: { min: 0, max: 0 },
  async run(input, io, env) {
    const path = requireProject(input, 'check')
    const briefArg = requireBrief(input, 'check')
    // Read-only even online: the check reports what it learned and writes nothing, so it runs beside the app.
    const { report, title, online } = await withProject(env, path, { create: false, readOnly: true }, async (project) => {
      const brief = await resolveBrief(project, briefArg)
      const online = input.values.online === true ? await project.call('sources.checkOnline', { briefId: brief.id }) : undefined
      return { report: await project.call('export.check', { briefId: brief.id }), title: brief.title, online }
    })
    if (wantsJson(input)) printJson(io, online ? { ...report, online } : report)
    else {
      printReport(io, report, title)
      if (online) printOnlineReport(io, online)
    }
    return Math.max(checkExitCode(report), online ? onlineExitCode(online) : 0)
  },
}
