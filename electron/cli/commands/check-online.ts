import type { IntegrityReport } from '../../shared/dto/citations'
import { NOTICE_KIND_LABELS, worstNotice, type OnlineCheckReport, type SourceNotice } from '../../shared/dto/source-updates'
import type { CliIo } from '../command'
import { formatTable, plural } from '../output'

function noticeText(n: SourceNotice): string {
  return `${n.label}${n.date ? ` (${n.date})` : ''}: ${n.url}`
}

/** The notices stored from an earlier Check sources, shown by every `evident check` (nothing fetched). */
export function printStoredNotices(io: CliIo, report: IntegrityReport): void {
  if (!report.sourceNotices.length) return
  io.out(`${plural(report.sourceNotices.length, 'cited source')} had notices against ${report.sourceNotices.length === 1 ? 'it' : 'them'} when last checked online:`)
  const rows = report.sourceNotices.map((s) => [NOTICE_KIND_LABELS[worstNotice(s.notices)!.kind].toUpperCase(), s.sourceTitle, s.notices.map(noticeText).join('; ')])
  io.out(formatTable(['Notice', 'Source', 'Notice and link'], rows, [22, 40, 100]))
}

/** What `evident check --online` learned: every source with its outcome, never a silent pass. */
export function printOnlineReport(io: CliIo, online: OnlineCheckReport): void {
  const checked = online.results.filter((r) => r.outcome === 'checked')
  const withNotices = checked.filter((r) => r.notices.length)
  const failed = online.results.filter((r) => r.outcome === 'not-checked')
  const noDoi = online.results.filter((r) => r.outcome === 'no-doi')
  if (!online.results.length) {
    io.out('Online: the brief cites no sources, so there was nothing to check.')
    return
  }
  io.out(
    `Online (Crossref): ${plural(checked.length, 'cited source')} checked, ${withNotices.length} with notices; ${failed.length} could not be checked; ${plural(noDoi.length, 'source')} without a DOI.`,
  )
  if (withNotices.length) {
    const rows = withNotices.map((r) => [NOTICE_KIND_LABELS[worstNotice(r.notices)!.kind].toUpperCase(), r.sourceTitle, r.notices.map(noticeText).join('; ')])
    io.out(formatTable(['Notice', 'Source', 'Notice and link'], rows, [22, 40, 100]))
  }
  if (failed.length || noDoi.length) {
    const rows = [...failed, ...noDoi].map((r) => [r.outcome === 'no-doi' ? 'no DOI' : 'NOT CHECKED', r.sourceTitle, r.reason ?? ''])
    io.out(formatTable(['Outcome', 'Source', 'Why'], rows, [12, 40, 100]))
  }
  if (!online.stored) io.out('(The project was opened read-only, so these answers were not kept in it.)')
}

/** 1 when a cited source is retracted, or has a DOI that could not be checked (not knowing is not passing). */
export function onlineExitCode(online: OnlineCheckReport): number {
  return online.retracted > 0 || online.results.some((r) => r.outcome === 'not-checked') ? 1 : 0
}
