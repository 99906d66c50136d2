import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type Database from 'better-sqlite3'
import { tagsText, writeClaimSearch } from '../../electron/core/claims/fts'
import { replaceSourceText } from '../../electron/core/app/reimport'
import { ClaimRepository } from '../../electron/core/claims/repository'
import { searchClaims } from '../../electron/core/claims/search'
import { TagTree } from '../../electron/core/claims/tag-tree'
import { TagRepository } from '../../electron/core/claims/tags'
import { ProjectSession } from '../../electron/core/project/session'
import { toFtsQuery } from '../../electron/core/search/fts-query'
import { RESOURCES_DIR } from '../helpers/temp'
import { benchDir, fmt, percentile, seededRandom } from './bench-helpers'
import { makeQueries, TextGenerator } from './claims-bench-data'

const SOURCES = 10_000
const CLAIMS = 100_000
const QUERIES = 1_000
const REANCHOR_CLAIMS = 1_000

/**
 * Claims benchmark: search p50/p95 over 100,000 claims against the raw FTS5 MATCH … LIMIT 50 on the same
 * index (goal: our p95 within 1.5× of it), then re-anchoring 1,000 claims after an edit to their source.
 */
export async function benchClaims(report: (line: string) => void): Promise<void> {
  const dir = benchDir('claims')
  const session = ProjectSession.create(join(dir, 'bench.evident'))
  try {
    const random = seededRandom(20140101)
    const corpus = readdirSync(join(RESOURCES_DIR, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(RESOURCES_DIR, 'corpus', f), 'utf8'))
    const words = new TextGenerator(corpus.join('\n'), random)
    const t = performance.now()
    generateProject(session.db, words, random)
    report(`claims: generated ${SOURCES.toLocaleString('en-GB')} sources and ${CLAIMS.toLocaleString('en-GB')} claims in ${fmt((performance.now() - t) / 1000, 1)} s`)
    benchSearch(session.db, makeQueries(words, random, QUERIES), report)
    benchReanchor(session, words, report)
  } finally {
    session.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The generated corpus (also the library UI bench's project): sources, tagged claims with stances, FTS rows. */
export function generateProject(db: Database.Database, words: TextGenerator, random: () => number, sourceCount = SOURCES, claimCount = CLAIMS): void {
  const tags = new TagRepository(db)
  const tagIds: string[] = []
  for (const theme of ['Workforce', 'Funding', 'Integration', 'Governance', 'Access and demand', 'Quality', 'Premises', 'Commissioning']) {
    const parent = tags.create(theme, null)
    tagIds.push(parent.id)
    for (let i = 1; i <= 4; i++) tagIds.push(tags.create(`${theme} topic ${i}`, parent.id).id)
  }
  const tree = TagTree.load(db)
  const questions = ['Should hospital trusts run general practice?', 'Is the partnership model over?', 'Does integration save money?']
  const insertQuestion = db.prepare(`INSERT INTO questions (id, text, created_at) VALUES (?, ?, '2024-01-01T00:00:00.000Z')`)
  questions.forEach((text, i) => insertQuestion.run(`q${i}`, text))
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const insertSource = db.prepare(
    `INSERT INTO sources (id, format, mime, file_name, sha256, byte_size, csl, title, text, paragraphs, imported_at, updated_at)
     VALUES (?, 'txt', 'text/plain', ?, ?, 100, ?, ?, ?, ?, ?, ?)`,
  )
  const insertClaim = db.prepare(
    `INSERT INTO claims (id, source_id, source_title, statement, quote, anchor, evidence_type, strength, note, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`,
  )
  const insertTag = db.prepare('INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) VALUES (?, ?)')
  const insertStance = db.prepare('INSERT INTO claim_stances (claim_id, question_id, stance) VALUES (?, ?, ?)')
  db.transaction(() => {
    const titles: string[] = []
    for (let s = 0; s < sourceCount; s++) {
      const title = words.title()
      titles.push(title)
      const text = words.sentence(40)
      const csl = JSON.stringify({ id: `s${s}`, type: 'report', title, author: [{ family: words.surname(), given: 'A' }], issued: { 'date-parts': [[2000 + (s % 25)]] } })
      const paragraphs = JSON.stringify([{ number: 1, kind: 'paragraph', text, start: 0, end: text.length }])
      const date = new Date(Date.UTC(2020, 0, 1) + s * 60_000).toISOString()
      insertSource.run(`s${s}`, `source-${s}.txt`, `sha-${s}`, csl, title, text, paragraphs, date, date)
    }
    for (let c = 0; c < claimCount; c++) {
      const source = Math.floor(random() * sourceCount)
      const id = `c${c}`
      const quote = words.sentence(12 + Math.floor(random() * 30))
      const statement = words.sentence(8 + Math.floor(random() * 14))
      const note = random() < 0.3 ? words.sentence(10 + Math.floor(random() * 20)) : ''
      const anchor = JSON.stringify({ exact: quote, prefix: '', suffix: '', start: 0, end: quote.length, paragraph: 1 })
      const date = new Date(Date.UTC(2021, 0, 1) + c * 1000).toISOString()
      const info = insertClaim.run(id, `s${source}`, titles[source], statement, quote, anchor, pick(['statistic', 'research-finding', 'expert-opinion', 'policy-statement', 'testimony', null]), pick(['weak', 'moderate', 'strong', null]), note, date, date)
      const claimTags = random() < 0.8 ? [pick(tagIds), ...(random() < 0.4 ? [pick(tagIds)] : [])] : []
      for (const tag of claimTags) insertTag.run(id, tag)
      if (random() < 0.4) insertStance.run(id, pick(['q0', 'q1', 'q2']), pick(['supports', 'opposes', 'mixed', 'neutral']))
      writeClaimSearch(db, Number(info.lastInsertRowid), { statement, quote, note, tags: tagsText(tree, [...new Set(claimTags)]), sourceTitle: titles[source]! })
    }
  })()
  db.exec(`INSERT INTO claims_fts (claims_fts) VALUES ('optimize'); ANALYZE;`)
}

function benchSearch(db: Database.Database, queries: string[], report: (line: string) => void): void {
  const raw = db.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT 50').pluck()
  // What FTS5 itself needs to rank: every match is scored before the first page exists.
  const rawRanked = db.prepare('SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT 50').pluck()
  const runs: Record<string, (q: string, match: string) => unknown> = {
    ours: (q) => searchClaims(db, { text: q }),
    oursNewest: (q) => searchClaims(db, { text: q, sort: 'newest' }),
    raw: (_q, match) => raw.all(match),
    rawRanked: (_q, match) => rawRanked.all(match),
  }
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((name) => [name, []]))
  // Warm the page cache and statement caches for all, so none pays for another's first reads.
  for (const q of queries.slice(0, 100)) for (const run of Object.values(runs)) run(q, toFtsQuery(q) ?? '""')
  for (const q of queries) {
    const match = toFtsQuery(q)
    // Interleaved per query, so load from anything else on the machine falls on all of them alike.
    for (const [name, run] of Object.entries(runs)) {
      if (!match && name.startsWith('raw')) {
        times[name]!.push(0)
        continue
      }
      const t = performance.now()
      run(q, match ?? '')
      times[name]!.push(performance.now() - t)
    }
  }
  for (const list of Object.values(times)) list.sort((a, b) => a - b)
  const line = (name: string) => `p50 ${fmt(percentile(times[name]!, 50), 3)} ms, p95 ${fmt(percentile(times[name]!, 95), 3)} ms, max ${fmt(percentile(times[name]!, 100), 3)} ms`
  const p95 = (name: string) => percentile(times[name]!, 95)
  report(`claims search, ${queries.length} queries, ranked page of 50 cards with snippets and total: ${line('ours')}`)
  report(`claims search, newest first: ${line('oursNewest')}`)
  report(`raw FTS5 MATCH … LIMIT 50 (unranked rowids): ${line('raw')}`)
  report(`raw FTS5 MATCH … ORDER BY rank LIMIT 50 (ranked rowids): ${line('rawRanked')}`)
  report(`claims search p95 ratio vs raw unranked: ${fmt(p95('ours') / p95('raw'))}× (goal ≤ 1.5×); newest first: ${fmt(p95('oursNewest') / p95('raw'))}×`)
  report(`claims search p95 ratio vs raw ranked: ${fmt(p95('ours') / p95('rawRanked'))}×`)
}

function benchReanchor(session: ProjectSession, words: TextGenerator, report: (line: string) => void): void {
  const sentences = Array.from({ length: REANCHOR_CLAIMS }, () => words.sentence(18))
  const paragraphs = Array.from({ length: REANCHOR_CLAIMS / 10 }, (_, p) => sentences.slice(p * 10, p * 10 + 10).join(' '))
  const document = (ps: string[]) => ({ format: 'txt' as const, mime: 'text/plain', blocks: ps.map((text) => ({ kind: 'paragraph' as const, text })), metadata: {} })
  const bytes = new TextEncoder().encode(paragraphs.join('\n\n'))
  const { id } = session.sources.insert({ fileName: 'long-report.txt', bytes, sha256: 'bench-long-report', document: document(paragraphs) })
  const claims = new ClaimRepository(session.db)
  const text = session.sources.get(id).text
  let from = 0
  for (const sentence of sentences) {
    const start = text.indexOf(sentence, from)
    claims.create({ sourceId: id, start, end: start + sentence.length, exact: sentence })
    from = start + sentence.length
  }
  // A new version: a summary inserted first (every offset moves), a few words changed in 20 passages, 5 cut.
  const next = [...paragraphs]
  for (let i = 0; i < 20; i++) {
    const p = 3 + i * 4
    const target = sentences[p * 10 + 3]!
    const cut = target.indexOf(' ', target.length / 2)
    next[p] = next[p]!.replace(target, `${target.slice(0, cut)} indeed${target.slice(cut)}`)
  }
  for (let i = 0; i < 5; i++) next[90 + i] = next[90 + i]!.replace(sentences[(90 + i) * 10 + 5]!, '')
  const t = performance.now()
  const summary = replaceSourceText(session, id, document(['An executive summary now comes first.', ...next]))
  const ms = performance.now() - t
  report(
    `re-anchoring ${REANCHOR_CLAIMS.toLocaleString('en-GB')} claims after a source edit: ${fmt(ms, 0)} ms, ${fmt(ms / REANCHOR_CLAIMS, 3)} ms per claim (${summary.anchored} exact, ${summary.changed} changed, ${summary.orphaned} orphaned)`,
  )
}
