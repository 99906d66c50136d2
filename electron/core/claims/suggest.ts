import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { Suggestion } from '../../shared/dto/claims'
import type { NoteMarker, Paragraph } from '../../shared/dto/sources'
import { AppError } from '../errors'
import { MIN_SENTENCE_WORDS, MIN_SUGGESTION_SCORE, shapePenalty, signalsOf } from './suggest-rules'
import { column, command, query } from '../db/statement'
import { claimNamed, readStored, sourceNamed } from '../db/stored'
import { storedAnchor, storedNoteMarkers, storedParagraphs } from '../../shared/stored'

export const MAX_SUGGESTIONS = 20

interface Sentence {
  text: string
  start: number
  end: number
  paragraph: number
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/**
 * Sentences of a paragraph with their offsets in the source text. Note markers are blanked before
 * segmenting: "indisputable.3 Despite this" is two sentences, but the segmenter sees ".3" as one token.
 */
export function sentencesOf(paragraph: Paragraph, markers: NoteMarker[] = []): Sentence[] {
  let masked = paragraph.text
  for (const marker of markers) {
    const from = marker.start - paragraph.start
    const to = marker.end - paragraph.start
    if (from >= 0 && to <= masked.length) masked = masked.slice(0, from) + ' '.repeat(to - from) + masked.slice(to)
  }
  const out: Sentence[] = []
  for (const segment of segmenter.segment(masked)) {
    const lead = segment.segment.length - segment.segment.trimStart().length
    const length = segment.segment.trim().length
    if (!length) continue
    const start = paragraph.start + segment.index + lead
    const text = paragraph.text.slice(segment.index + lead, segment.index + lead + length)
    out.push({ text, start, end: start + length, paragraph: paragraph.number })
  }
  return out
}

/** Same sentence, same key, whatever the spacing or case: a dismissal survives re-import. */
export function suggestionKey(sourceId: string, sentence: string): string {
  const normalised = sentence.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
  return createHash('sha1').update(`${sourceId}\u0000${normalised}`).digest('hex')
}

/** Scores one sentence. Exported so tests can check the reasons on plain strings. */
export function scoreSentence(text: string, markers: NoteMarker[] = [], offset = 0): { score: number; reasons: string[] } {
  let masked = text
  const labels: string[] = []
  // A marker sits just after the sentence's full stop ("Build it.’ 1"), so allow a little past the end.
  for (const marker of markers) {
    const from = marker.start - offset
    if (from < 0 || from > text.length + 3) continue
    labels.push(marker.label)
    const to = Math.min(text.length, marker.end - offset)
    if (from < text.length) masked = masked.slice(0, from) + ' '.repeat(to - from) + masked.slice(to)
  }
  const signals = signalsOf(masked, labels)
  const raw = signals.reduce((sum, s) => sum + s.weight, 0) - shapePenalty(text)
  return { score: Math.round(raw * 10) / 10, reasons: signals.map((s) => s.reason) }
}

/**
 * Sentences of a source worth making into claims, best first: an offline, deterministic scorer (no
 * model, no network), skipping headings, sentences already claimed and suggestions the analyst dismissed.
 */
export function suggestClaims(db: Database.Database, sourceId: string): Suggestion[] {
  const source = query<{ title: string; paragraphs: string; noteMarkers: string }>(
    db,
    'SELECT title, paragraphs, note_markers AS noteMarkers FROM sources WHERE id = ?',
  ).get(sourceId)
  if (!source) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
  const paragraphs = readStored(storedParagraphs, source.paragraphs, () => sourceNamed(source.title))
  const markers = readStored(storedNoteMarkers, source.noteMarkers, () => sourceNamed(source.title))
  const dismissed = new Set(column<string>(db, 'SELECT key FROM dismissed_suggestions WHERE source_id = ?').all(sourceId))
  const claimed = query<{ statement: string; anchor: string }>(db, `SELECT statement, anchor FROM claims WHERE source_id = ? AND status = 'anchored'`)
    .all(sourceId)
    .map((c) => readStored(storedAnchor, c.anchor, () => claimNamed(c.statement)))
  const suggestions: Suggestion[] = []
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'heading') continue
    const nearby = markers.filter((m) => m.start >= paragraph.start && m.start <= paragraph.end)
    for (const sentence of sentencesOf(paragraph, nearby)) {
      if (sentence.text.split(/\s+/).length < MIN_SENTENCE_WORDS) continue
      if (claimed.some((a) => a.start < sentence.end && a.end > sentence.start)) continue
      const key = suggestionKey(sourceId, sentence.text)
      if (dismissed.has(key)) continue
      const { score, reasons } = scoreSentence(sentence.text, nearby, sentence.start)
      if (score < MIN_SUGGESTION_SCORE || !reasons.length) continue
      suggestions.push({ key, sourceId, ...sentence, score, reasons })
    }
  }
  suggestions.sort((a, b) => b.score - a.score || a.start - b.start)
  return suggestions.slice(0, MAX_SUGGESTIONS)
}

export function dismissSuggestion(db: Database.Database, sourceId: string, key: string): { dismissed: boolean } {
  if (!column<1>(db, 'SELECT 1 FROM sources WHERE id = ?').get(sourceId)) throw new AppError('NOT_FOUND', 'That source is no longer in this project.')
  // Dismissing twice (two windows, a double click) is still a dismissal.
  command(db, 'INSERT OR IGNORE INTO dismissed_suggestions (source_id, key) VALUES (?, ?)').run(sourceId, key)
  return { dismissed: true }
}
