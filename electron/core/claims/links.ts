import type Database from 'better-sqlite3'
import type { ClaimStance } from '../../shared/dto/claims'
import { AppError } from '../errors'
import { column, command, idList } from '../db/statement'

/** Refuses ids of tags that are gone (deleted in another window, say) before anything is written. */
export function checkTags(db: Database.Database, tagIds: readonly string[]): string[] {
  const unique = [...new Set(tagIds)]
  if (!unique.length) return unique
  const found = column<number>(db, 'SELECT COUNT(*) FROM tags WHERE id IN (SELECT value FROM json_each(?))').get(idList(unique))!
  if (found !== unique.length) throw new AppError('NOT_FOUND', 'One of the chosen tags no longer exists: refresh the tag list and choose again.')
  return unique
}

/** One stance per question: the last one given wins, as it would in a form. */
export function checkStances(db: Database.Database, stances: readonly ClaimStance[]): ClaimStance[] {
  const byQuestion = new Map<string, ClaimStance>()
  for (const stance of stances) byQuestion.set(stance.questionId, stance)
  const unique = [...byQuestion.values()]
  if (!unique.length) return unique
  const found = column<number>(db, 'SELECT COUNT(*) FROM questions WHERE id IN (SELECT value FROM json_each(?))')
    
    .get(idList(unique.map((s) => s.questionId)))!
  if (found !== unique.length) throw new AppError('NOT_FOUND', 'One of the questions no longer exists: refresh the list and choose again.')
  return unique
}

export function setClaimTags(db: Database.Database, claimId: string, tagIds: readonly string[]): void {
  command(db, 'DELETE FROM claim_tags WHERE claim_id = ?').run(claimId)
  const insert = command(db, 'INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)')
  for (const tagId of tagIds) insert.run(claimId, tagId)
}

export function setClaimStances(db: Database.Database, claimId: string, stances: readonly ClaimStance[]): void {
  command(db, 'DELETE FROM claim_stances WHERE claim_id = ?').run(claimId)
  const insert = command(db, 'INSERT INTO claim_stances (claim_id, question_id, stance) VALUES (?, ?, ?)')
  for (const { questionId, stance } of stances) insert.run(claimId, questionId, stance)
}
