import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { SerializedLexicalNode } from '@shared/dto/brief-nodes'
import { rootOf } from '../../electron/core/briefs/content'
import { BriefRepository } from '../../electron/core/briefs/repository'
import type { ExportContext } from '../../electron/core/export/export-docx'
import { createBriefFixture, RESOURCES_DIR, type BriefFixture } from '../fixtures/brief-fixture'

/**
 * The fixture's project with an export context on it and a folder to write .docx files into, for one
 * describe block: made before its tests (then `prepare`, e.g. to edit the brief), removed after them.
 * `settings` are the analyst's (the name comments are signed with), as Settings would give them.
 */
export function useExportFixture(prefix: string, prepare?: (fixture: BriefFixture) => void, settings?: ExportContext['settings']) {
  let fixture: BriefFixture | undefined
  let ctx: ExportContext | undefined
  let out: string | undefined
  beforeAll(async () => {
    fixture = await createBriefFixture()
    ctx = { db: fixture.session.db, resourcesDir: RESOURCES_DIR, projectPath: fixture.session.path, ...(settings ? { settings } : {}) }
    out = mkdtempSync(join(tmpdir(), prefix))
    prepare?.(fixture)
  })
  afterAll(() => {
    fixture?.cleanup()
    if (out) rmSync(out, { recursive: true, force: true })
  })
  return { fixture: () => fixture!, ctx: () => ctx!, out: (name: string) => join(out!, name), dir: () => out! }
}

/** Changes the fixture's brief as the editor would: `edit` gets the stored brief's root, the result is saved. */
export function editBrief(fixture: BriefFixture, edit: (root: SerializedLexicalNode) => void): void {
  const briefs = new BriefRepository(fixture.session.db)
  const content = structuredClone(briefs.get(fixture.briefId).content)
  edit(rootOf(content))
  briefs.save(fixture.briefId, JSON.stringify(content))
}
