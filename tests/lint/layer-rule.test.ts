import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(root, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the layer rule', () => {
  it('stops core from importing electron', async () => {
    expect(await importErrors('electron/core/x.ts', "import { app } from 'electron'\nvoid app\n")).toHaveLength(1)
  })

  it('stops shared from importing core', async () => {
    expect(await importErrors('electron/shared/x.ts', "import { AppError } from '../core/errors'\nvoid AppError\n")).toHaveLength(1)
  })

  it('stops the renderer from importing core or node', async () => {
    expect(await importErrors('renderer/src/x.ts', "import { AppError } from '../../electron/core/errors'\nvoid AppError\n")).toHaveLength(1)
    expect(await importErrors('renderer/src/y.ts', "import { readFileSync } from 'node:fs'\nvoid readFileSync\n")).toHaveLength(1)
  })

  it('stops the server and CLI from importing main or electron', async () => {
    expect(await importErrors('electron/server/x.ts', "import { x } from '../main/window'\nvoid x\n")).toHaveLength(1)
    expect(await importErrors('electron/cli/x.ts', "import { app } from 'electron'\nvoid app\n")).toHaveLength(1)
  })

  it('lets each layer import what it may', async () => {
    expect(await importErrors('electron/core/x.ts', "import type { ErrorCode } from '../shared/errors'\nexport type X = ErrorCode\n")).toEqual([])
    expect(await importErrors('electron/main/x.ts', "import { AppError } from '../core/errors'\nvoid AppError\n")).toEqual([])
    expect(await importErrors('renderer/src/x.ts', "import type { EvidentApi } from '@shared/api'\nexport type X = EvidentApi\n")).toEqual([])
  })
})

describe('the order of core’s own folders', () => {
  const ORDER = ['net', 'db', 'search', 'sources', 'claims', 'briefs', 'trash', 'citations', 'export', 'project', 'starter', 'app']

  it('stops a domain reaching up into one built on it', async () => {
    expect(await importErrors('electron/core/citations/x.ts', "import { prepareCitations } from '../export/prepare'\nvoid prepareCitations\n")).toHaveLength(1)
    expect(await importErrors('electron/core/sources/x.ts', "import { refreshClaimSearch } from '../claims/fts'\nvoid refreshClaimSearch\n")).toHaveLength(1)
    expect(await importErrors('electron/core/db/x.ts', "import { SourceRepository } from '../sources/repository'\nvoid SourceRepository\n")).toHaveLength(1)
    expect(await importErrors('electron/core/export/x.ts', "import { seedStarterCorpus } from '../starter/corpus'\nvoid seedStarterCorpus\n")).toHaveLength(1)
    expect(await importErrors('electron/core/net/x.ts', "import { openProjectDatabase } from '../db/open'\nvoid openProjectDatabase\n")).toHaveLength(1)
  })

  it('stops domains reaching back into the project session, type imports and re-exports included', async () => {
    expect(await importErrors('electron/core/claims/x.ts', "import type { ProjectSession } from '../project/session'\nexport type X = ProjectSession\n")).toHaveLength(1)
    expect(await importErrors('electron/core/briefs/x.ts', "export { ProjectSession } from '../project/session'\n")).toHaveLength(1)
  })

  it('holds in subfolders and at core’s root', async () => {
    expect(await importErrors('electron/core/sources/parse/x.ts', "import { refreshClaimSearch } from '../../claims/fts'\nvoid refreshClaimSearch\n")).toHaveLength(1)
    expect(await importErrors('electron/core/app/handlers/x.ts', "import { seedStarterCorpus } from '../../starter/corpus'\nvoid seedStarterCorpus\n")).toEqual([])
    expect(await importErrors('electron/core/errors.ts', "import { openProjectDatabase } from './db/open'\nvoid openProjectDatabase\n")).toHaveLength(1)
  })

  it('keeps core’s own rule inside each folder: still no electron, no door', async () => {
    expect(await importErrors('electron/core/claims/x.ts', "import { app } from 'electron'\nvoid app\n")).toHaveLength(1)
    expect(await importErrors('electron/core/app/x.ts', "import { x } from '../../main/window'\nvoid x\n")).toHaveLength(1)
  })

  it('lets each folder import the ones below it, core’s root and shared (whose files share the domains’ names)', async () => {
    expect(await importErrors('electron/core/claims/x.ts', "import { shortCitation } from '../sources/csl'\nvoid shortCitation\n")).toEqual([])
    expect(await importErrors('electron/core/export/x.ts', "import { runsToText } from '../citations/runs'\nvoid runsToText\n")).toEqual([])
    expect(await importErrors('electron/core/starter/x.ts', "import type { ProjectSession } from '../project/session'\nexport type X = ProjectSession\n")).toEqual([])
    expect(await importErrors('electron/core/db/x.ts', "import { AppError } from '../errors'\nvoid AppError\n")).toEqual([])
    expect(await importErrors('electron/core/sources/x.ts', "import { fetchAddress } from '../net/fetch'\nvoid fetchAddress\n")).toEqual([])
    expect(await importErrors('electron/core/db/x.ts', "import type { Claim } from '../../shared/dto/claims'\nexport type X = Claim\n")).toEqual([])
    expect(await importErrors('electron/core/sources/x.ts', "import type { ProjectInfo } from '../../shared/dto/project'\nexport type X = ProjectInfo\n")).toEqual([])
  })

  it('covers every folder of core: a new folder must take its place in the order', async () => {
    // types/ holds only ambient declarations for untyped packages: nothing to import.
    const folders = readdirSync(resolve(root, 'electron/core'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'types')
      .map((d) => d.name)
    expect([...folders].sort()).toEqual([...ORDER].sort())
    for (const folder of ORDER.slice(0, -1)) {
      expect(await importErrors(`electron/core/${folder}/x.ts`, "import { createCore } from '../app/core'\nvoid createCore\n"), folder).toHaveLength(1)
    }
  })
})
