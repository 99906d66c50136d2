import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import type { Paragraph } from '@shared/dto/sources'
import { buildAnchor } from '../../electron/core/claims/anchor'
import { ProjectSession } from '../../electron/core/project/session'
import { assembleText } from '../../electron/core/sources/assemble'
import { RESOURCES_DIR } from '../helpers/temp'
import { seededRandom } from './bench-helpers'
import { generateProject } from './claims-bench'
import { TextGenerator } from './claims-bench-data'

export interface GeneratedProject {
  path: string
  words: TextGenerator
  random: () => number
}

/** The starter corpus's words, for generated text with the vocabulary and word frequencies of the real thing. */
export function starterWords(random: () => number): TextGenerator {
  const corpus = readdirSync(join(RESOURCES_DIR, 'corpus'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(RESOURCES_DIR, 'corpus', f), 'utf8'))
  return new TextGenerator(corpus.join('\n'), random)
}

/**
 * A project file as the app would have written it: the claims bench's generator (sources, claims with tags,
 * stances and their claims_fts rows through writeClaimSearch), then each source's text rebuilt so every claim's
 * quote is a paragraph of it, with the anchor buildAnchor makes (prefix, suffix, offsets, paragraph), the
 * original bytes in source_files and the source_text_fts rows, as SourceRepository.insert and
 * ClaimRepository.create write them. The session is closed (WAL checkpointed) before the server opens it.
 */
export function generateBenchProject(path: string, sources: number, claims: number, seed = 20140101): GeneratedProject {
  const random = seededRandom(seed)
  const words = starterWords(random)
  const session = ProjectSession.create(path)
  try {
    generateProject(session.db, words, random, sources, claims)
    anchorClaimsInSources(session.db)
  } finally {
    session.close()
  }
  return { path, words, random }
}

function anchorClaimsInSources(db: Database.Database): void {
  const sources = db.prepare('SELECT id, text FROM sources ORDER BY rowid').all() as { id: string; text: string }[]
  const claimRows = db.prepare('SELECT id, source_id AS sourceId, quote FROM claims ORDER BY rowid').all() as { id: string; sourceId: string; quote: string }[]
  const bySource = new Map<string, { id: string; quote: string }[]>()
  for (const row of claimRows) bySource.set(row.sourceId, [...(bySource.get(row.sourceId) ?? []), row])
  const updateSource = db.prepare('UPDATE sources SET text = ?, paragraphs = ?, note_markers = ?, byte_size = ? WHERE id = ?')
  const insertFile = db.prepare('INSERT INTO source_files (source_id, data) VALUES (?, ?)')
  const index = db.prepare('INSERT INTO source_text_fts (text, source_id, paragraph) VALUES (?, ?, ?)')
  const updateClaim = db.prepare('UPDATE claims SET quote = ?, anchor = ? WHERE id = ?')
  db.transaction(() => {
    for (const source of sources) {
      const own = bySource.get(source.id) ?? []
      const assembled = assembleText([source.text, ...own.map((c) => c.quote)].map((text) => ({ kind: 'paragraph' as const, text })))
      const bytes = Buffer.from(assembled.paragraphs.map((p) => p.text).join('\n\n'), 'utf8')
      updateSource.run(assembled.text, JSON.stringify(assembled.paragraphs), JSON.stringify(assembled.noteMarkers), bytes.byteLength, source.id)
      insertFile.run(source.id, bytes)
      for (const paragraph of assembled.paragraphs) index.run(paragraph.text, source.id, paragraph.number)
      own.forEach((claim, i) => {
        const paragraph: Paragraph = assembled.paragraphs[i + 1]!
        const anchor = buildAnchor(assembled.text, assembled.paragraphs, paragraph.start, paragraph.end)
        updateClaim.run(anchor.exact, JSON.stringify(anchor), claim.id)
      })
    }
  })()
  db.exec(`INSERT INTO source_text_fts (source_text_fts) VALUES ('optimize'); ANALYZE;`)
}
