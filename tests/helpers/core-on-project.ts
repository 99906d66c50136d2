import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { ImportSummary } from '@shared/dto/sources'
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

/**
 * A real core (in-process parser, the app's resources) with its user data in `dir` (or `userData`), on a new
 * project `name` made in `dir`: with the starter corpus, or empty.
 */
export async function coreOnNewProject(dir: string, options: { starter: boolean; name?: string; userData?: string }): Promise<Core> {
  const core = await createCore({ userDataDir: options.userData ?? dir, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
  await core.createProject(join(dir, options.name ?? 'p.evident'), options.starter)
  return core
}

export interface StarterCore {
  /** The temp folder holding the project (`starter.evident`) and the core's user data (`user/`). */
  readonly dir: string
  readonly core: Core
  readonly path: string
  call(method: string, args: unknown): Promise<unknown>
}

/**
 * A real core on a new starter project in a temp folder, made before each test of the block (or once for the
 * block, with `once`) and closed and removed after.
 */
export function useStarterCore(options: { once?: boolean } = {}): StarterCore {
  let dir: string | undefined
  let core: Core | undefined
  const [before, after] = options.once ? [beforeAll, afterAll] : [beforeEach, afterEach]
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evident-starter-core-'))
    core = await coreOnNewProject(dir, { starter: true, name: 'starter.evident', userData: join(dir, 'user') })
  })
  after(() => {
    core?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  return {
    get dir() {
      return dir!
    },
    get core() {
      return core!
    },
    get path() {
      return join(dir!, 'starter.evident')
    },
    call: (method, args) => dispatch(core!.handlers, method, args),
  }
}

/**
 * Starts an import with `start` and resolves with its summary once the core says the batch is done (an import
 * runs on after its call returns); a refused call rejects. `onProgress` hears each progress event's batch.
 */
export function importDone(core: Core, start: () => Promise<unknown>, onProgress?: (batchId: string) => void): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const off = core.events.subscribe((event, payload) => {
      if (event === 'import.progress') onProgress?.((payload as { batchId: string }).batchId)
      if (event === 'import.done') {
        off()
        resolve(payload as ImportSummary)
      }
    })
    start().catch((error: unknown) => {
      off()
      reject(error)
    })
  })
}
