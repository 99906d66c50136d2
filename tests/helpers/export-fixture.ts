import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { ExportContext } from '../../electron/core/export/export-docx'
import { createBriefFixture, RESOURCES_DIR, type BriefFixture } from '../fixtures/brief-fixture'

/**
 * The fixture's project with an export context on it and a folder to write .docx files into, for one
 * describe block: made before its tests (then `prepare`, e.g. to edit the brief), removed after them.
 */
export function useExportFixture(prefix: string, prepare?: (fixture: BriefFixture) => void) {
  let fixture: BriefFixture | undefined
  let ctx: ExportContext | undefined
  let out: string | undefined
  beforeAll(async () => {
    fixture = await createBriefFixture()
    ctx = { db: fixture.session.db, resourcesDir: RESOURCES_DIR, projectPath: fixture.session.path }
    out = mkdtempSync(join(tmpdir(), prefix))
    prepare?.(fixture)
  })
  afterAll(() => {
    fixture?.cleanup()
    if (out) rmSync(out, { recursive: true, force: true })
  })
  return { fixture: () => fixture!, ctx: () => ctx!, out: (name: string) => join(out!, name) }
}
