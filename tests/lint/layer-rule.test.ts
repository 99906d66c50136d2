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
    expect(await importErrors('renderer/src/x.ts', "import type { EvidentApi } from '../../electron/shared/api'\nexport type X = EvidentApi\n")).toEqual([])
  })
})
