import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { EVIDENCE_TYPES, STANCES, STRENGTHS, type EvidenceType, type Stance, type Strength } from '../../shared/dto/claims'
import { QuestionRepository } from '../claims/questions'
import { ClaimRepository } from '../claims/repository'
import { TagRepository } from '../claims/tags'
import type { ProjectSession } from '../project/session'
import { column } from '../db/statement'
import { readBundled } from '../db/stored'

export interface StarterClaim {
  file: string
  quote: string
  statement: string
  /** Paths: "Workforce > Recruitment". */
  tags: string[]
  stance: Stance
  evidenceType: EvidenceType
  strength: Strength
}

export interface StarterClaims {
  question: string
  claims: StarterClaim[]
}

const starterClaims: z.ZodType<StarterClaims> = z.object({
  question: z.string(),
  claims: z.array(
    z.object({
      file: z.string(),
      quote: z.string(),
      statement: z.string(),
      tags: z.array(z.string()),
      stance: z.enum(STANCES),
      evidenceType: z.enum(EVIDENCE_TYPES),
      strength: z.enum(STRENGTHS),
    }),
  ),
})

export function readStarterClaims(resourcesDir: string): StarterClaims | null {
  const file = join(resourcesDir, 'corpus', 'claims.json')
  return existsSync(file) ? readBundled(starterClaims, file, readFileSync(file, 'utf8')) : null
}

/**
 * Adds the starter question, tag hierarchy and claims to a project that holds the starter corpus.
 * A quote not found in its source's text is skipped rather than failing the whole first run; the
 * starter-claims test is what keeps every quote anchoring.
 */
export function seedStarterClaims(session: ProjectSession, resourcesDir: string): number {
  const starter = readStarterClaims(resourcesDir)
  if (!starter) return 0
  const db = session.db
  const claims = new ClaimRepository(db)
  const sourceByFile = new Map(session.sources.list().map((s) => [s.fileName, s.id]))
  let created = 0
  db.transaction(() => {
    const questions = new QuestionRepository(db)
    const question = questions.list().find((q) => q.text === starter.question) ?? questions.create(starter.question)
    const tagIds = tagMaker(new TagRepository(db))
    for (const entry of starter.claims) {
      const sourceId = sourceByFile.get(entry.file)
      if (!sourceId) continue
      const text = column<string>(db, 'SELECT text FROM sources WHERE id = ?').get(sourceId)!
      const start = text.indexOf(entry.quote)
      if (start < 0 || alreadyClaimed(session, sourceId, entry.quote)) continue
      claims.create({
        sourceId,
        start,
        end: start + entry.quote.length,
        exact: entry.quote,
        statement: entry.statement,
        tagIds: entry.tags.map(tagIds),
        stances: [{ questionId: question.id, stance: entry.stance }],
        evidenceType: entry.evidenceType,
        strength: entry.strength,
      })
      created++
    }
  })()
  return created
}

/** Tag id for a path, creating each missing level on the way down. */
function tagMaker(tags: TagRepository): (path: string) => string {
  const known = new Map(tags.list().map((t) => [t.path, t.id]))
  return (path) => {
    let parentId: string | null = null
    let sofar = ''
    for (const name of path.split('>').map((part) => part.trim())) {
      sofar = sofar ? `${sofar} > ${name}` : name
      let id = known.get(sofar)
      if (!id) {
        id = tags.create(name, parentId).id
        known.set(sofar, id)
      }
      parentId = id
    }
    return parentId!
  }
}

function alreadyClaimed(session: ProjectSession, sourceId: string, quote: string): boolean {
  return column<1>(session.db, 'SELECT 1 FROM claims WHERE source_id = ? AND quote = ?').get(sourceId, quote) !== undefined
}
