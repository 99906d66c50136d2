import type Database from 'better-sqlite3'
import type { CitationSnapshot, SerializedLexicalNode } from '../../shared/dto/brief-nodes'
import type { CitedWithoutQuote, ForbiddenCharactersItem, GuessedReference, IntegrityReport, QuoteCheckItem, QuoteStatus } from '../../shared/dto/citations'
import { describeXmlForbidden, hasXmlForbidden } from '../../shared/xml-chars'
import { isCitingNode } from '../briefs/content'
import { walk } from '../briefs/nodes'
import { unconfirmedGuesses } from '../sources/provenance'
import { loadClaims, loadSources, type CitedClaim, type CitedSource } from './cited'
import { checkAccessibility } from './accessibility'
import { checkQuote } from './quote-check'
import { TrashStore } from '../trash/store'
import { citedSourceNotices } from './source-notices'
import { leaveOutEmpty } from './left-out'

/** One citation or evidence quote of the brief, in document order, with what the check found. */
export interface ResolvedCitation {
  claimId: string
  node: 'citation' | 'evidence-quote'
  snapshot: CitationSnapshot
  /** Null when the claim was deleted: the brief's snapshot stands in for it. */
  claim: CitedClaim | null
  source: CitedSource | null
  status: QuoteStatus
  quote: string
  paragraph: number
  page?: string
}

export interface BriefCheck {
  report: IntegrityReport
  citations: ResolvedCitation[]
}

function citingNodes(root: SerializedLexicalNode): { node: 'citation' | 'evidence-quote'; claimId: string; snapshot: CitationSnapshot }[] {
  return [...walk(root)].filter(isCitingNode).map((n) => ({ node: n.type, claimId: n.claimId, snapshot: n.snapshot }))
}

/**
 * Checks every cited quote against the stored source text. One report item per cited claim (a claim cited
 * three times is one thing to fix); `citations` keeps every occurrence for the export that follows.
 */
export function checkBriefQuotes(db: Database.Database, briefId: string, root: SerializedLexicalNode, questionId: string | null): BriefCheck {
  const nodes = citingNodes(root)
  const claims = loadClaims(db, nodes.map((n) => n.claimId), questionId)
  const sourceIds = [
    ...[...claims.values()].map((c) => c.sourceId),
    // A deleted claim's source may still be in the project: cite it properly if so.
    ...nodes.filter((n) => !claims.has(n.claimId)).map((n) => n.snapshot?.sourceId ?? null),
  ].filter((id): id is string => Boolean(id))
  const sources = loadSources(db, sourceIds)

  const items = new Map<string, QuoteCheckItem>()
  const citations: ResolvedCitation[] = []
  const trash = new TrashStore(db)
  for (const { node, claimId, snapshot } of nodes) {
    const claim = claims.get(claimId) ?? null
    const safeSnapshot = snapshot ?? emptySnapshot(claimId)
    if (!claim) {
      const source = (safeSnapshot.sourceId && sources.get(safeSnapshot.sourceId)) || null
      if (!items.has(claimId)) {
        items.set(claimId, {
          claimId,
          status: 'deleted',
          quote: safeSnapshot.quote,
          sourceTitle: safeSnapshot.sourceTitle,
          detail: trash.findItem('claim', claimId)
            ? 'The claim is in the Trash: restore it to check its quote against the source. Until then the brief exports its own copy of the quote.'
            : 'The claim was deleted from the project; the brief still holds its quote, so it can be exported from that copy.',
        })
      }
      citations.push({
        claimId,
        node,
        snapshot: safeSnapshot,
        claim: null,
        source,
        status: 'deleted',
        quote: safeSnapshot.quote,
        paragraph: safeSnapshot.paragraph,
        ...(safeSnapshot.page !== undefined ? { page: safeSnapshot.page } : {}),
      })
      continue
    }
    const source = (claim.sourceId && sources.get(claim.sourceId)) || null
    const verdict = checkQuote(claim, source ?? undefined, safeSnapshot.quote)
    if (!items.has(claimId)) {
      // "Quoted:" shows the words the brief cited, which an accepted change in the source may have replaced since.
      const item: QuoteCheckItem = { claimId, status: verdict.status, quote: safeSnapshot.quote || claim.quote, sourceTitle: source?.title ?? claim.sourceTitle, detail: verdict.detail }
      if (verdict.found !== undefined) item.found = verdict.found
      items.set(claimId, item)
    }
    citations.push({
      claimId,
      node,
      snapshot: safeSnapshot,
      claim,
      // An orphaned claim's source is still the work it cites: its note keeps the author and year.
      source,
      status: verdict.status,
      quote: claim.quote,
      paragraph: verdict.paragraph,
      ...(verdict.page !== undefined ? { page: verdict.page } : {}),
    })
  }
  const list = [...items.values()]
  const forbidden = forbiddenCharacters(citations)
  return {
    report: {
      briefId,
      ok: list.every((i) => i.status === 'ok'),
      citationCount: citations.length,
      items: list,
      accessibility: checkAccessibility(root),
      ...(forbidden.length ? { forbiddenCharacters: forbidden } : {}),
      guessedReferences: guessedReferences(citations),
      citedWithoutQuote: citedWithoutQuote(citations),
      sourceNotices: citedSourceNotices(db, citations.map((c) => c.source)),
      leftOut: leaveOutEmpty(root).leftOut,
    },
    citations,
  }
}

/** One entry per cited claim whose stored quote holds a character a .docx cannot carry. */
function forbiddenCharacters(citations: ResolvedCitation[]): ForbiddenCharactersItem[] {
  const found = new Map<string, ForbiddenCharactersItem>()
  for (const c of citations) {
    if (found.has(c.claimId) || !hasXmlForbidden(c.quote)) continue
    found.set(c.claimId, { claimId: c.claimId, sourceTitle: c.source?.title ?? c.claim?.sourceTitle ?? c.snapshot.sourceTitle, characters: describeXmlForbidden(c.quote) })
  }
  return [...found.values()]
}

/** Each claim cited as a whole work, once; whether its source has its full text now, so it can be quoted. */
function citedWithoutQuote(citations: ResolvedCitation[]): CitedWithoutQuote[] {
  const seen = new Map<string, CitedWithoutQuote>()
  for (const { claim, source } of citations) {
    if (!claim?.wholeWork || seen.has(claim.id)) continue
    seen.set(claim.id, { claimId: claim.id, statement: claim.statement, sourceTitle: source?.title ?? claim.sourceTitle, textAttached: Boolean(source?.text) })
  }
  return [...seen.values()]
}

/** Each cited source once, in order of first citation, whose record still has unconfirmed guesses. */
function guessedReferences(citations: ResolvedCitation[]): GuessedReference[] {
  const seen = new Map<string, GuessedReference>()
  for (const { source } of citations) {
    if (!source || seen.has(source.id)) continue
    const fields = unconfirmedGuesses(source.csl, source.provenance)
    if (fields.length) seen.set(source.id, { sourceId: source.id, sourceTitle: source.title, fields })
  }
  return [...seen.values()]
}

/** Briefs written by hand or by an older editor may lack a snapshot; never crash on that. */
function emptySnapshot(claimId: string): CitationSnapshot {
  return { claimId, statement: '', quote: '', sourceId: null, sourceTitle: 'Unknown source', shortCitation: 'Unknown source', paragraph: 0 }
}

const MARKS: Record<Exclude<QuoteStatus, 'ok'>, string> = {
  changed: '[quote changed]',
  orphaned: '[source removed]',
  deleted: '[claim deleted]',
}

/** The mark a forced export puts beside a citation whose quote failed the check. */
export function markFor(citation: Pick<ResolvedCitation, 'status' | 'claim'>): string | undefined {
  if (citation.status === 'ok') return undefined
  // An orphan whose source is still in the project lost its passage to a revision, not its source.
  if (citation.status === 'orphaned' && citation.claim?.sourceId) return '[passage not found]'
  return MARKS[citation.status]
}

/** The QUOTE_MISMATCH message: every failing quote, one line each, so the analyst can fix them all in one go. */
export function describeFailures(report: IntegrityReport): string {
  const failing = report.items.filter((i) => i.status !== 'ok')
  const lines = failing.slice(0, 20).map((i) => `• ${i.sourceTitle}: ${i.detail}`)
  if (failing.length > 20) lines.push(`• …and ${failing.length - 20} more.`)
  const what = failing.length === 1 ? '1 cited quote no longer matches its source' : `${failing.length} cited quotes no longer match their sources`
  return `${what}, so the brief was not exported. Correct the quotes, or export anyway to mark them in the document.\n${lines.join('\n')}`
}
