import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'
import { inProcessParser } from '../../electron/core/sources/parse/parser'

const FIRST = 'Chronic underfunding is partly to blame for the crisis.\n\nA second paragraph about recruitment problems in general practice.'
const SECOND = 'A new opening paragraph added in the revised version.\n\nChronic underfunding is partly to blame for the crisis.\n\nA second paragraph about recruitment in general practice.'

async function setUp(dir: string) {
  const core = await createCore({ userDataDir: dir, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
  await core.createProject(join(dir, 'v.evident'), false)
  const path = join(dir, 'report.txt')
  writeFileSync(path, FIRST)
  const done = new Promise<void>((resolve) => core.events.subscribe((event) => event === 'import.done' && resolve()))
  await core.handlers['sources.import']({ files: [core.files.forReading(path).handle] })
  await done
  const [source] = await core.handlers['sources.list']({})
  const detail = await core.handlers['sources.get']({ id: source!.id })
  const quote = 'Chronic underfunding is partly to blame'
  const start = detail.text.indexOf(quote)
  const claim = await core.handlers['claims.create']({ sourceId: source!.id, start, end: start + quote.length, exact: quote })
  const gone = 'recruitment problems'
  const goneStart = detail.text.indexOf(gone)
  const orphan = await core.handlers['claims.create']({ sourceId: source!.id, start: goneStart, end: goneStart + gone.length, exact: gone })
  return { core, sourceId: source!.id, claim, orphan }
}

describe('importing a new version of a source', () => {
  const temp = useTempDir()

  it('re-anchors every claim on it and flags the ones whose words are gone', async () => {
    const { core, sourceId, claim, orphan } = await setUp(temp())
    const next = join(temp(), 'report-v2.txt')
    writeFileSync(next, SECOND)
    const result = await core.handlers['sources.importNewVersion']({ id: sourceId, file: core.files.forReading(next).handle })
    expect(result).toMatchObject({ sourceId, anchored: 1, orphaned: 1 })
    const moved = await core.handlers['claims.get']({ id: claim.id })
    const text = (await core.handlers['sources.get']({ id: sourceId })).text
    expect(text.slice(moved.anchor.start, moved.anchor.end)).toBe('Chronic underfunding is partly to blame')
    expect((await core.handlers['claims.get']({ id: orphan.id })).status).toBe('orphaned')
    core.close()
  })

  it('leaves the source and its claims as they were when the new version cannot be read', async () => {
    const { core, sourceId, claim } = await setUp(temp())
    const before = await core.handlers['sources.get']({ id: sourceId })
    const broken = join(temp(), 'broken.pdf')
    writeFileSync(broken, '%PDF-1.4 this is not really a pdf')
    await expect(core.handlers['sources.importNewVersion']({ id: sourceId, file: core.files.forReading(broken).handle })).rejects.toMatchObject({ code: 'CORRUPT_FILE' })
    await expect(core.handlers['sources.importNewVersion']({ id: sourceId, file: core.files.forReading(join(temp(), 'missing.txt')).handle })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const after = await core.handlers['sources.get']({ id: sourceId })
    expect(after.text).toBe(before.text)
    expect((await core.handlers['claims.get']({ id: claim.id })).anchor).toEqual(claim.anchor)
    core.close()
  })
})
