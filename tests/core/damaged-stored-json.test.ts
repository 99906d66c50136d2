import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { readStarterClaims } from '../../electron/core/starter/claims'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { ClaimPage } from '@shared/dto/claims'
import type { TrashEntry } from '@shared/dto/trash'
import { RESOURCES_DIR } from '../helpers/temp'

describe('stored JSON that was damaged gets a clear message and loses nothing', () => {
  let dir: string
  let core: Core
  const call = (method: string, args: unknown) => dispatch(core.handlers, method, args)

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evident-damaged-json-'))
    core = await createCore({ userDataDir: join(dir, 'user'), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    await core.createProject(join(dir, 'starter.evident'), true)
  })
  afterEach(() => {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('a trashed claim whose record in the Trash was edited by hand is not restored: CORRUPT_FILE, and it stays in the Trash', async () => {
    const [claim] = ((await call('claims.search', { limit: 1 })) as ClaimPage).items
    await call('claims.delete', { id: claim!.id })
    const [entry] = (await call('trash.list', {})) as TrashEntry[]
    const db = new Database(join(dir, 'starter.evident'))
    db.prepare("UPDATE trash SET meta = '{\"sourceId\": 7' WHERE id = ?").run(entry!.id)
    db.close()

    await expect(call('trash.restore', { ids: [entry!.id] })).rejects.toMatchObject({
      code: 'CORRUPT_FILE',
      message: expect.stringContaining(`stored record of “${entry!.name}” in the Trash is damaged`),
    })
    expect(((await call('trash.list', {})) as TrashEntry[]).map((e) => e.id)).toEqual([entry!.id])
    await expect(call('claims.get', { id: claim!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('a damaged file shipped with Evident', () => {
  it('the starter claims file of the wrong shape is refused naming the file, not read as claims', () => {
    const resources = mkdtempSync(join(tmpdir(), 'evident-damaged-starter-'))
    try {
      cpSync(join(RESOURCES_DIR, 'corpus'), join(resources, 'corpus'), { recursive: true })
      writeFileSync(join(resources, 'corpus', 'claims.json'), JSON.stringify({ question: 'Q', claims: [{ file: 'x.txt', stance: 'perhaps' }] }))
      expect(() => readStarterClaims(resources)).toThrow(expect.objectContaining({ code: 'CORRUPT_FILE', message: expect.stringMatching(/claims\.json” is damaged, so it cannot be read\. Install Evident again\.$/) }))
    } finally {
      rmSync(resources, { recursive: true, force: true })
    }
  })
})
