import type Database from 'better-sqlite3'
import type { Question } from '../../shared/dto/claims'
import { AppError } from '../errors'
import { newId, nowIso } from '../ids'
import { column, command, query } from '../db/statement'

const QUESTION_GONE = 'That question no longer exists: it may have been deleted.'

/** The questions claims take a stance on ("Should hospital trusts run general practice?"). */
export class QuestionRepository {
  constructor(private readonly db: Database.Database) {}

  list(): Question[] {
    return query<Question>(
      this.db,
      `SELECT q.id, q.text, (SELECT COUNT(*) FROM claim_stances cs WHERE cs.question_id = q.id) AS claimCount
       FROM questions q ORDER BY q.created_at, q.rowid`,
    ).all()
  }

  get(id: string): Question {
    const question = query<Question>(
      this.db,
      `SELECT q.id, q.text, (SELECT COUNT(*) FROM claim_stances cs WHERE cs.question_id = q.id) AS claimCount FROM questions q WHERE q.id = ?`,
    ).get(id)
    if (!question) throw new AppError('NOT_FOUND', QUESTION_GONE)
    return question
  }

  create(text: string): Question {
    const clean = checkText(text)
    this.refuseDuplicate(clean, null)
    const id = newId()
    command(this.db, 'INSERT INTO questions (id, text, created_at) VALUES (?, ?, ?)').run(id, clean, nowIso())
    return this.get(id)
  }

  rename(id: string, text: string): Question {
    this.get(id)
    const clean = checkText(text)
    this.refuseDuplicate(clean, id)
    command(this.db, 'UPDATE questions SET text = ? WHERE id = ?').run(clean, id)
    return this.get(id)
  }

  /** Refused while claims take a stance on it, unless forced: then the claims stay, without that stance. */
  delete(id: string, force: boolean, discard: (id: string, describe: { text: string; claimCount: number }) => void): { deleted: boolean; claimCount: number } {
    const question = query<{ text: string }>(this.db, 'SELECT text FROM questions WHERE id = ?').get(id)
    if (!question) return { deleted: false, claimCount: 0 }
    const claimCount = this.get(id).claimCount
    if (claimCount && !force) {
      throw new AppError(
        'IN_USE',
        `${claimCount.toLocaleString('en-GB')} claim${claimCount === 1 ? ' takes a stance' : 's take stances'} on “${question.text}”. Delete it anyway to remove those stances; the claims themselves are kept.`,
      )
    }
    // Stances go with it (ON DELETE CASCADE); briefs built on it keep their content and lose only the link.
    this.db.transaction(() => discard(id, { text: question.text, claimCount }))()
    return { deleted: true, claimCount }
  }

  private refuseDuplicate(text: string, exceptId: string | null): void {
    const clash = column<1>(this.db, 'SELECT 1 FROM questions WHERE text = ? COLLATE NOCASE AND id IS NOT ?').get(text, exceptId)
    if (clash) throw new AppError('CONFLICT', `There is already a question “${text}”.`)
  }
}

function checkText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) throw new AppError('INVALID_INPUT', 'Write the question first.')
  return clean
}
