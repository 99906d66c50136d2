import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { BUILTIN_STYLES, NOTE_MODES, type EvidentAdditions, type NoteMode } from '../../shared/dto/briefs'
import { MAX_CSL_STYLE_BYTES } from '../../shared/limits'
import { AppError } from '../../core/errors'
import { jsonOption, projectOption, UsageError, wantsJson, type CliCommand, type CommandInput } from '../command'
import { plural, printJson } from '../output'
import { requireProject, withProject, type OpenProject } from '../project'
import { printReport, requireBrief, resolveBrief } from './check'

function stringOption(input: CommandInput, name: string): string | undefined {
  const value = input.values[name]
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

function notesOption(input: CommandInput): NoteMode | undefined {
  const notes = stringOption(input, 'notes')
  if (notes === undefined) return undefined
  if (!(NOTE_MODES as readonly string[]).includes(notes)) throw new UsageError(`--notes must be one of ${NOTE_MODES.join(', ')}.`)
  return notes as NoteMode
}

/** --style takes a built-in name, a stored "user:…" id, or a .csl file, which is validated and kept in the project. */
async function styleId(project: OpenProject, style: string | undefined): Promise<string | undefined> {
  if (style === undefined || (BUILTIN_STYLES as readonly string[]).includes(style) || style.startsWith('user:')) return style
  if (!/\.csl$/i.test(style)) throw new UsageError(`--style must be ${BUILTIN_STYLES.join(', ')} or a .csl file.`)
  let xml: string
  try {
    const bytes = await readFile(resolve(style))
    if (bytes.byteLength > MAX_CSL_STYLE_BYTES) throw new AppError('FILE_TOO_LARGE', `“${basename(style)}” is larger than a citation style can be.`)
    xml = bytes.toString('utf8')
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('NOT_FOUND', `The style file “${style}” could not be read: check the path.`)
  }
  return (await project.call('citations.addStyle', { fileName: basename(style), xml })).id
}

/** --quotes / --no-quotes and the rest: a flag left out keeps the brief's remembered choice (the export dialog's). */
function additionFlags(input: CommandInput): Partial<EvidentAdditions> {
  const flag = (name: string) => (typeof input.values[name] === 'boolean' ? (input.values[name] as boolean) : undefined)
  const flags = { includeQuotes: flag('quotes'), pinpoints: flag('pinpoints'), quoteLinks: flag('quote-links'), pageLinks: flag('page-links'), appendix: flag('appendix'), comments: flag('comments'), tableOfContents: flag('toc') }
  return Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined))
}

async function exportWith(project: OpenProject, input: CommandInput, briefArg: string, out: string, notes: NoteMode | undefined) {
  const brief = await resolveBrief(project, briefArg)
  const style = await styleId(project, stringOption(input, 'style'))
  const outPath = resolve(out)
  const target = project.files.forWriting({ path: outPath, name: basename(outPath), overwrite: input.values.overwrite === true })
  const result = await project.call('export.docx', {
    briefId: brief.id,
    target: target.handle,
    ...(style ? { style } : {}),
    ...(notes ? { notes } : {}),
    ...additionFlags(input),
    force: input.values.force === true,
  })
  // The window is told only the name it chose; the command line prints where it wrote.
  return { result: { ...result, path: outPath }, title: brief.title }
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export a brief to Word (.docx) with footnotes, endnotes or in-text citations and a reference list.',
  usage:
    // From the lists the command checks against, so the help cannot fall behind the bundled styles.
    `evident export --project FILE --brief ID|TITLE --out PATH [--style ${BUILTIN_STYLES.join('|')}|FILE.csl] [--notes ${NOTE_MODES.join('|')}] [--[no-]quotes] [--[no-]pinpoints] [--[no-]quote-links] [--[no-]page-links] [--[no-]appendix] [--[no-]comments] [--[no-]toc] [--force] [--overwrite] [--json]`,
  options: {
    project: projectOption,
    brief: { type: 'string' },
    out: { type: 'string', short: 'o' },
    style: { type: 'string' },
    notes: { type: 'string' },
    quotes: { type: 'boolean' },
    pinpoints: { type: 'boolean' },
    'quote-links': { type: 'boolean' },
    'page-links': { type: 'boolean' },
    appendix: { type: 'boolean' },
    comments: { type: 'boolean' },
    toc: { type: 'boolean' },
    force: { type: 'boolean' },
    overwrite: { type: 'boolean' },
    json: jsonOption,
  },
  positionals: { min: 0, max: 0 },
  async run(input, io, env) {
    const path = requireProject(input, 'export')
    const briefArg = requireBrief(input, 'export')
    const out = stringOption(input, 'out')
    if (!out) throw new UsageError('"export" needs --out PATH: where to write the .docx.')
    const notes = notesOption(input)
    const { result, title } = await withProject(env, path, { create: false }, (project) => exportWith(project, input, briefArg, out, notes)).catch(
      (error: unknown) => {
        // The core's message is written for the dialog; on the command line the way to "export anyway" is a flag.
        if (error instanceof AppError && (error.code === 'QUOTE_MISMATCH' || error.code === 'NOT_ACCESSIBLE')) throw new AppError(error.code, `${error.message}\nAdd --force to export anyway.`)
        if (error instanceof AppError && error.code === 'CONFLICT') throw new AppError('CONFLICT', `${error.message} Add --overwrite to replace it, or choose another --out.`)
        throw error
      },
    )
    if (wantsJson(input)) {
      printJson(io, result)
      return 0
    }
    const size = result.bytes < 1024 * 1024 ? `${Math.max(1, Math.round(result.bytes / 1024))} KB` : `${(result.bytes / 1024 / 1024).toFixed(1)} MB`
    const cited = result.citations ? plural(result.citations, 'citation') : 'no citations (no notes or references)'
    io.out(`Exported “${title}” to ${result.path} (${cited}, ${size}).`)
    if (!result.report.ok || result.report.accessibility.some((i) => i.severity === 'error')) {
      io.err(result.report.ok ? 'Exported with --force: the accessibility errors below are in the document.' : 'Exported with --force: these citations are marked in the document.')
      printReport({ out: (s) => io.err(s), err: (s) => io.err(s) }, result.report, title)
    }
    return 0
  },
}
