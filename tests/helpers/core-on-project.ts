import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import { RESOURCES_DIR } from './temp'

interface ProjectFixture {
  session: { path: string }
  cleanup(): void
}

/**
 * A real core (real dispatch, real SQLite) opened on a fixture's project for one describe block, with its own
 * user-data folder; closed and removed after. `make` builds the fixture (and closes its session if the core
 * must be the only one holding the file).
 */
export function useCoreOnProject<F extends ProjectFixture>(make: () => Promise<F>) {
  let fixture: F | undefined
  let core: Core | undefined
  let userData: string | undefined
  beforeAll(async () => {
    fixture = await make()
    userData = mkdtempSync(join(tmpdir(), 'evident-userdata-'))
    core = await createCore({ userDataDir: userData, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    await core.openProject(fixture.session.path)
  })
  afterAll(() => {
    core?.close()
    fixture?.cleanup()
    if (userData) rmSync(userData, { recursive: true, force: true })
  })
  return {
    fixture: () => fixture!,
    core: () => core!,
    call: (method: string, args: unknown) => dispatch(core!.handlers, method, args),
  }
}
