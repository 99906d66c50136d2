import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { readStarterClaims } from '../../electron/core/starter/claims'
import type { ClaimPage } from '@shared/dto/claims'
import type { TrashEntry } from '@shared/dto/trash'
import { useStarterCore } from '../helpers/core-on-project'
import { RESOURCES_DIR } from '../helpers/temp'

describe('stored JSON that was damaged gets a clear message and loses nothing', () => {
  const starter = useStarterCore()
  const { call } = starter

  it('a trashed claim whose record in the Trash was edited by hand is not restored: CORRUPT_FILE, and it stays in the Trash', async () => {
    const [claim] = ((await call('claims.search', { limit: 1 })) as ClaimPage).items
    await call('claims.delete', { id: claim!.id })
    const [entry] = (await call('trash.list', {})) as TrashEntry[]
    const db = new Database(starter.path)
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
