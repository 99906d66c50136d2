import type Database from 'better-sqlite3'
import type { CitationSnapshot, SerializedLexicalNode } from '../../shared/dto/brief-nodes'
import { DEFAULT_NOTES, DEFAULT_STYLE } from '../../shared/dto/briefs'
import { bulletList, heading, paragraph, referencesNode, root, text } from '../briefs/nodes'
import { loadSnapshot } from '../briefs/snapshot'
import { wrapEditorState } from '../briefs/templates'
import { newId, nowIso } from '../ids'
import type { ProjectSession } from '../project/session'
import { readStarterClaims } from './claims'
import { column, command } from '../db/statement'

type Part = string | SerializedLexicalNode

/** Looks starter claims up by their quote, so the draft cites whatever the seeding actually created. */
function snapshotFinder(db: Database.Database, quotes: string[]): (index: number) => CitationSnapshot | null {
  return (index) => {
    const quote = quotes[index]
    return quote ? loadSnapshot(db, 'c.quote = ?', quote) : null
  }
}

/**
 * The draft a first-time analyst finds: a short policy brief on the starter question, citing starter claims
 * on both sides, so export works from the first minute. Numbers are indexes into resources/corpus/claims.json.
 */
export function seedStarterBrief(session: ProjectSession, resourcesDir: string): string | null {
  const starter = readStarterClaims(resourcesDir)
  if (!starter) return null
  const db = session.db
  const snapshot = snapshotFinder(
    db,
    starter.claims.map((c) => c.quote),
  )
  const cite = (...indexes: number[]): SerializedLexicalNode[] =>
    indexes.map(snapshot).flatMap((s) => (s ? [{ type: 'citation', version: 1, claimId: s.claimId, snapshot: s }] : []))
  const sentence = (words: string, ...indexes: number[]): Part[] => [text(words), ...cite(...indexes)]
  const para = (...parts: Part[][]): SerializedLexicalNode => paragraph(...parts.flatMap((p, i) => (i ? [text(' '), ...p] : p)))
  const quoteBlock = (index: number): SerializedLexicalNode[] => {
    const s = snapshot(index)
    return s ? [{ type: 'evidence-quote', version: 1, claimId: s.claimId, snapshot: s }] : []
  }

  const title = starter.question
  const children: SerializedLexicalNode[] = [
    heading('h1', title),
    heading('h2', 'Key messages', 'key-messages'),
    bulletList([
      sentence('General practice is under strain: demand is rising while practice income falls, and fewer doctors choose it as a career.', 9, 15),
      sentence('The head of NHS England has opened the door to hospital trusts running practices where services struggle.', 21),
      sentence('GP leaders warn that hospital-run practices would make GPs hospital employees and weaken care coordinated in the community.', 19, 18),
    ]),
    heading('h2', 'Background', 'background'),
    para(sentence('Chronic underfunding and the maldistribution of NHS resources are partly to blame for the crisis.', 0), sentence('Medical students no longer see general practice as a desirable career.', 1)),
    para(sentence('Health spending is projected to keep rising as a share of national income.', 8)),
    heading('h2', 'The problem', 'problem'),
    para(sentence('Round-the-clock care is fragmented and uneven, undermining trust in general practice.', 13), sentence('Relations between GPs and hospital specialists are often antagonistic.', 3)),
    heading('h2', 'Options', 'options'),
    heading('h3', 'Option 1: Let hospital trusts run general practice where services struggle'),
    heading('h4', 'Benefits'),
    para(sentence('Trusts could bring investment and infrastructure to under-resourced practices,', 21), sentence('and some already run list-based practices.', 22), sentence('An integrated career structure could ease recruitment.', 5)),
    ...quoteBlock(24),
    heading('h4', 'Risks'),
    para(sentence('Hospitals lack the know-how to run community-based primary care,', 17), sentence('and GPs would become employees of hospitals.', 19)),
    heading('h3', 'Option 2: Integrate through GP federations and networks'),
    heading('h4', 'Benefits'),
    para(sentence('Federations offer a route to integration led by general practice,', 12), sentence('and strong primary care systems achieve better outcomes at lower cost.', 10)),
    heading('h4', 'Risks'),
    para(sentence('Integrated care systems have so far not helped general practice,', 26), sentence('and without redesign hospitals may lead integration anyway.', 14)),
    heading('h2', 'Recommendations', 'recommendations'),
    para(sentence('Allow trust-run practices only where local services have failed and no federation can step in, with general practice an equal partner in governance.', 7, 23)),
    para(sentence('Invest first in federations and networks that keep care coordinated by GPs.', 12, 18)),
    heading('h2', 'References', 'references'),
    referencesNode(),
  ]
  const content = wrapEditorState(root(children))
  const questionId = (column<string>(db, 'SELECT id FROM questions WHERE text = ?').get(starter.question)) ?? null
  const id = newId()
  const now = nowIso()
  db.transaction(() => {
    command(db, `INSERT INTO briefs (id, title, question_id, template, style, notes, content, revision, created_at, updated_at)
       VALUES (?, ?, ?, 'policy-brief', ?, ?, ?, 1, ?, ?)`,).run(id, title, questionId, DEFAULT_STYLE, DEFAULT_NOTES, JSON.stringify(content), now, now)
    command(db, 'INSERT INTO brief_revisions (brief_id, revision, content, word_count, saved_at, pinned) VALUES (?, 1, ?, 0, ?, 1)').run(
      id,
      JSON.stringify(content),
      now,
    )
  })()
  return id
}
