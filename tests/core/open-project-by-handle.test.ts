import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'

/** The window opens a project only by a handle a door gave it: a picker's, or the recent list's. */
describe('opening a project by handle, never by a path from the window', () => {
  const temp = useTempDir()
  const start = async () => {
    const core = await createCore({ userDataDir: temp(), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    const first = join(temp(), 'first.evident')
    const second = join(temp(), 'second.evident')
    await core.createProject(second, false)
    await core.createProject(first, false)
    return { core, first, second, call: (method: string, args: unknown) => dispatch(core.handlers, method, args) }
  }

  it('a recent project comes with a handle that opens it', async () => {
    const { core, second, call } = await start()
    const recent = (await call('project.recent', {})) as { path: string; file: string }[]
    const entry = recent.find((r) => r.path === second)!
    expect(entry.file).toMatch(/^fh_/)
    expect(await call('project.open', { file: entry.file })).toMatchObject({ path: second })
    core.close()
  })

  it('a path, a made-up handle, a write handle or an upload is refused and the open project stays open', async () => {
    const { core, first, second, call } = await start()
    const upload = core.files.transferPath('copy.evident')
    writeFileSync(upload, 'uploaded bytes')
    const attempts: [unknown, RegExp][] = [
      [{ path: second }, /./],
      [{ file: second }, /./],
      [{ file: 'fh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, /not one this window was given/],
      [{ file: core.files.forWriting({ path: second, name: 'second.evident', overwrite: false }).handle }, /place to write, not a file to read/],
      [{ file: core.files.forReading(upload, 'copy.evident').handle }, /has to live on this computer/],
      [{ file: core.files.forReading(second).handle, extra: 1 }, /./],
    ]
    for (const [args, message] of attempts) {
      await expect(call('project.open', args)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) })
    }
    expect(core.currentProject()).toMatchObject({ path: first })
    core.close()
  })
})
