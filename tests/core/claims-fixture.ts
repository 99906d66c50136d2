import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ClaimRepository } from '../../electron/core/claims/repository'
import { QuestionRepository } from '../../electron/core/claims/questions'
import { TagRepository } from '../../electron/core/claims/tags'
import { ProjectSession } from '../../electron/core/project/session'
import { TrashItems } from '../../electron/core/trash/items'
import { test } from 'vitest'
import type { Block } from '../../electron/core/sources/extracted'
import type { NewClaim } from '@shared/dto/claims'

/** A real project file in a temp folder, with the claim repositories over it. */
export function openTempProject() {
  const dir = mkdtempSync(join(tmpdir(), 'evident-claims-'))
  const session = ProjectSession.create(join(dir, 'test.evident'))
  return {
    dir,
    session,
    claims: new ClaimRepository(session.db),
    tags: new TagRepository(session.db),
    questions: new QuestionRepository(session.db),
    /** Deleting goes through the Trash, as the app does. */
    trash: new TrashItems(session.db, session.sources),
    close() {
      session.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type TempProject = ReturnType<typeof openTempProject>

/**
 * The tests of a describe block over a fresh project per test that holds one source of these paragraphs
 * (see addSource): `const it = testWithSource(PARAGRAPHS)`, then `it('…', ({ project, sourceId }) => …)`.
 */
export function testWithSource(paragraphs: (string | Block)[], title?: string) {
  return test.extend<{ project: TempProject; sourceId: string }>({
    project: async ({ onTestFinished }, use) => {
      const project = openTempProject()
      onTestFinished(() => project.close())
      await use(project)
    },
    // Made for every test, as a beforeEach would, whether or not the test names it.
    sourceId: [async ({ project }, use) => use(addSource(project.session, paragraphs, title)), { auto: true }],
  })
}

let counter = 0

/** Inserts a source made of these paragraphs, as an importer would hand it over. */
export function addSource(session: ProjectSession, paragraphs: (string | Block)[], title = 'A test source', author = 'Jones'): string {
  const blocks = paragraphs.map((p): Block => (typeof p === 'string' ? { kind: 'paragraph', text: p } : p))
  const bytes = new TextEncoder().encode(`${title}\n${blocks.map((b) => b.text).join('\n\n')}\n${counter++}`)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return session.sources.insert({
    fileName: `${title}.txt`,
    bytes,
    sha256,
    document: { format: 'txt', mime: 'text/plain', blocks, metadata: {} },
    csl: { title, author: [{ family: author, given: 'Roger' }], issued: { 'date-parts': [[2014]] } },
  }).id
}

/** A claim on the first occurrence of `quote` in the source's text. */
export function claimOn(project: TempProject, sourceId: string, quote: string, extra: Partial<NewClaim> = {}) {
  const text = project.session.sources.get(sourceId).text
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`test setup: “${quote}” is not in the source`)
  return project.claims.create({ sourceId, start, end: start + quote.length, exact: quote, ...extra })
}
