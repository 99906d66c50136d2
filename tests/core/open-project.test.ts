import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { runImportBatch, inputFromPath } from '../../electron/core/sources/import-batch'
import { ProjectSession } from '../../electron/core/project/session'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'
import { inProcessParser } from '../../electron/core/sources/parse/parser'

describe('opening projects through the core', () => {
  const temp = useTempDir()

  it('keeps the previous project open when the one asked for is refused', async () => {
    const core = await createCore({ userDataDir: temp(), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    await core.createProject(join(temp(), 'first.evident'), false)
    const bad = join(temp(), 'notes.evident')
    writeFileSync(bad, 'not a database')
    await expect(core.openProject(bad)).rejects.toMatchObject({ code: 'NOT_A_PROJECT' })
    await expect(core.openProject(join(temp(), 'missing.evident'))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(core.currentProject()).toMatchObject({ name: 'first' })
    expect(await core.handlers['sources.list']({})).toEqual([])
    core.close()
  })

  it('creates the default project with the starter corpus on first run, and reopens it after', async () => {
    const first = await createCore({ userDataDir: temp(), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    const info = await first.openInitialProject()
    expect(info).toMatchObject({ name: 'Evident Project', sourceCount: 5, briefCount: 1 })
    expect(info.claimCount).toBeGreaterThanOrEqual(25)
    first.close()
    const again = await createCore({ userDataDir: temp(), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    expect(await again.openInitialProject()).toEqual(info)
    expect(again.recentProjects().map((r) => r.name)).toContain('Evident Project')
    again.close()
  })

  it('a file that vanished during a batch is reported and the batch goes on', async () => {
    const session = ProjectSession.create(join(temp(), 'batch.evident'))
    const kept = join(temp(), 'kept.txt')
    writeFileSync(kept, 'A paragraph that stays where it was put.')
    const summary = await runImportBatch(session.sources, [inputFromPath(join(temp(), 'vanished.txt')), inputFromPath(kept)], { parser: inProcessParser })
    expect(summary.failed).toEqual([
      { fileName: 'vanished.txt', code: 'NOT_FOUND', message: expect.stringMatching(/no longer there/) },
    ])
    expect(summary.imported.map((i) => i.fileName)).toEqual(['kept.txt'])
    session.close()
  })

  it('cancelling a batch stops before the next file and keeps what was already imported', async () => {
    const session = ProjectSession.create(join(temp(), 'cancel.evident'))
    const paths = [1, 2, 3].map((n) => {
      const path = join(temp(), `file-${n}.txt`)
      writeFileSync(path, `Paragraph number ${n} of the cancelled batch.`)
      return path
    })
    const controller = new AbortController()
    const summary = await runImportBatch(session.sources, paths.map((path) => inputFromPath(path)), {
      parser: inProcessParser,
      signal: controller.signal,
      onProgress: ({ index }) => index === 2 && controller.abort(),
    })
    expect(summary.cancelled).toBe(true)
    expect(summary.imported.map((i) => i.fileName)).toEqual(['file-1.txt', 'file-2.txt'])
    expect(session.sources.list()).toHaveLength(2)
    session.close()
  })
})
