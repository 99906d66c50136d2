import { extname, resolve } from 'node:path'
import type Database from 'better-sqlite3'
import type { BriefDocument } from '../../shared/dto/briefs'
import type { ExportOptions, ExportResult } from '../../shared/dto/citations'
import { treeClusters } from '../../shared/citation-clusters'
import { commentThreadsOf } from '../briefs/comments'
import { isCitingNode, rootOf } from '../briefs/content'
import { BriefRepository } from '../briefs/repository'
import { FigureRepository } from '../briefs/figures'
import { StyleRegistry, type ResolvedStyle } from '../citations/styles'
import { AppError } from '../errors'
import { accessibilityErrors, describeAccessibilityErrors } from './accessibility'
import { checkBriefQuotes, describeFailures, type BriefCheck } from './check'
import { packDocument } from './docx/document'
import type { AppendixRow } from './docx/references'
import { prepareCitations } from './prepare'
import { leaveOutEmpty } from './left-out'
import { checkTarget, writeFileAtomic } from './write'
import type { TempJournal } from './temp-journal'
import { query } from '../db/statement'
import { documentLanguage } from '../citations/language'
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/dto/settings'

export interface ExportContext {
  db: Database.Database
  resourcesDir: string
  /** The open project file: exporting over it would destroy the analyst's work. */
  projectPath: string
  /** The analyst's name and locale (Settings); the defaults when a caller has none. */
  settings?: AppSettings
  /** Where the export's temporary file is listed until it is gone (see TempJournal). */
  journal?: TempJournal
}

/** A brief shown read-only (damaged, or from a newer Evident) is not exported: the file would not be what they see. */
function loadBrief(db: Database.Database, briefId: string): BriefDocument {
  const brief = new BriefRepository(db).get(briefId)
  if (brief.readOnly) throw new AppError('READ_ONLY', `${brief.message ?? 'This brief cannot be read.'} It was not exported.`)
  return brief
}

export function checkBrief(db: Database.Database, briefId: string): BriefCheck {
  const brief = loadBrief(db, briefId)
  return checkBriefQuotes(db, brief.id, rootOf(brief.content), brief.questionId)
}

function questionText(db: Database.Database, id: string | null): string | null {
  if (!id) return null
  return (query<{ text: string }>(db, 'SELECT text FROM questions WHERE id = ?').get(id))?.text ?? null
}

async function checkOutPath(ctx: ExportContext, outPath: string, overwrite: boolean): Promise<string> {
  const path = resolve(outPath)
  if (extname(path).toLowerCase() !== '.docx') throw new AppError('INVALID_INPUT', 'Choose a file name ending in .docx for the Word document.')
  if (path === resolve(ctx.projectPath)) throw new AppError('INVALID_INPUT', 'Choose a different file: that is the project that is open.')
  await checkTarget(path, { overwrite })
  return path
}

/**
 * Check, then format, then write. The integrity check and the path check run before anything is built, and
 * the file is written atomically, so a refused or failed export leaves the disk as it was.
 */
export async function exportBriefToDocx(ctx: ExportContext, options: ExportOptions, styleOverride?: ResolvedStyle): Promise<ExportResult> {
  const brief = loadBrief(ctx.db, options.briefId)
  const path = await checkOutPath(ctx, options.outPath, options.overwrite ?? false)
  const check = checkBriefQuotes(ctx.db, brief.id, rootOf(brief.content), brief.questionId)
  if (!check.report.ok && !options.force) throw new AppError('QUOTE_MISMATCH', describeFailures(check.report))
  if (accessibilityErrors(check.report.accessibility).length && !options.force) {
    throw new AppError('NOT_ACCESSIBLE', describeAccessibilityErrors(check.report.accessibility))
  }

  const style = styleOverride ?? new StyleRegistry(ctx.db, ctx.resourcesDir).resolve(options.style ?? brief.style)
  const root = rootOf(brief.content)
  const sizes = treeClusters(root, isCitingNode).map((cluster) => cluster.length)
  const prepared = prepareCitations(check.citations, sizes, style, ctx.resourcesDir, options.notes ?? brief.notes)

  // Each addition as this export asks, otherwise as the analyst last chose it for the brief.
  const additions = {
    includeQuotes: options.includeQuotes ?? brief.additions.includeQuotes,
    pinpoints: options.pinpoints ?? brief.additions.pinpoints,
    quoteLinks: options.quoteLinks ?? brief.additions.quoteLinks,
    pageLinks: options.pageLinks ?? brief.additions.pageLinks,
    appendix: options.appendix ?? brief.additions.appendix,
    comments: options.comments ?? brief.additions.comments,
    tableOfContents: options.tableOfContents ?? brief.additions.tableOfContents,
  }
  let appendix: { rows: AppendixRow[]; question: string | null } | undefined
  if (additions.appendix) {
    const seen = new Set<string>()
    const rows: AppendixRow[] = []
    prepared.citations.forEach((citation, i) => {
      if (seen.has(citation.claimId)) return
      seen.add(citation.claimId)
      const resolved = check.citations[i]!
      rows.push({ citation, statement: resolved.claim?.statement ?? resolved.snapshot.statement, stance: resolved.claim?.stance ?? null })
    })
    appendix = { rows, question: questionText(ctx.db, brief.questionId) }
  }

  const settings = ctx.settings ?? DEFAULT_SETTINGS
  const figures = new FigureRepository(ctx.db)
  const data = await packDocument({
    title: brief.title,
    author: settings.authorName,
    language: documentLanguage(style.xml, settings.locale),
    // Empty template headings and prompts stay in the brief but not in the document (the check lists them).
    root: leaveOutEmpty(root).root,
    layout: brief.layout,
    prepared,
    options: { notes: prepared.notes, includeQuotes: additions.includeQuotes, pinpoints: additions.pinpoints, quoteLinks: additions.quoteLinks, pageLinks: additions.pageLinks },
    ...(appendix ? { appendix } : {}),
    figures: (id) => figures.find(id),
    ...(additions.comments ? { comments: commentThreadsOf(brief.content) } : {}),
    tableOfContents: additions.tableOfContents,
  })
  await writeFileAtomic(path, data, { overwrite: options.overwrite ?? false, ...(ctx.journal ? { journal: ctx.journal } : {}) })
  return { path, bytes: data.byteLength, citations: check.report.citationCount, report: check.report }
}
