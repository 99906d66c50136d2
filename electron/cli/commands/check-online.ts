import type { IntegrityReport } from '../../shared/dto/citations'
import { NOTICE_KIND_LABELS, worstNotice, type OnlineCheckReport, type SourceNotice } from '../../shared/dto/source-updates'
import type { WordDiffPart } from '../../shared/dto/claims'
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
  printPages(io, online)
  if (!online.stored) io.out('(The project was opened read-only, so these answers were not kept in it.)')
}

const FATE_TEXT = { unchanged: 'unchanged', moved: 'moved', changed: 'CHANGED', gone: 'GONE' } as const

function diffText(diff: readonly WordDiffPart[] | undefined): string {
  return (diff ?? []).map((p) => (p.op === 'same' ? p.text : p.op === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`)).join(' ')
}

/** Each web source fetched again: whether its text changed, and what became of each quote (word diff for a change). */
function printPages(io: CliIo, online: OnlineCheckReport): void {
  for (const page of online.pages) {
    if (page.outcome === 'not-checked') {
      io.out(`Web page NOT CHECKED: ${page.sourceTitle} (${page.address}): ${page.reason ?? ''}`)
      continue
    }
    io.out(`Web page ${page.outcome === 'same' ? 'unchanged' : 'CHANGED since the snapshot'}: ${page.sourceTitle} (${page.address})`)
    if (page.quotes.length) {
      const rows = page.quotes.map((q) => [FATE_TEXT[q.fate], q.fate === 'changed' ? diffText(q.diff) : q.quote])
      io.out(formatTable(['Quote', 'Words'], rows, [10, 120]))
    }
  }
  if (online.pages.some((p) => p.outcome === 'different')) io.out('The stored snapshots were kept: take a new version in the app (Check sources) to re-anchor the claims.')
}

/** 1 when a cited source is retracted, a quote on a web page changed or is gone, or something could not be checked. */
export function onlineExitCode(online: OnlineCheckReport): number {
  const unchecked = online.results.some((r) => r.outcome === 'not-checked') || online.pages.some((p) => p.outcome === 'not-checked')
  return online.retracted > 0 || online.changedQuotes > 0 || unchecked ? 1 : 0
}
