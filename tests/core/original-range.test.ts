import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { OriginalRange } from '@shared/dto/sources'
import { MAX_ORIGINAL_RANGE_BYTES } from '@shared/limits'
import { RESOURCES_DIR } from '../fixtures/brief-fixture'
import { useTempDir } from '../helpers/temp'
import { addSource, openTempProject, type TempProject } from './claims-fixture'

describe('reading an original file in pieces, as the Original view does', () => {
  let project: TempProject
  // The core's own folder (settings, recent projects), made and removed per test by the shared helper.
  const userData = useTempDir('evident-userdata-')
  beforeEach(() => {
    project = openTempProject()
  })
  afterEach(() => project.close())

  async function core() {
    const path = project.session.path
    const c = await createCore({ userDataDir: userData(), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    return { c, path }
  }

  it('returns the asked-for bytes and the whole size, and the pieces put together are the file', async () => {
    const id = addSource(project.session, ['First paragraph of the file.', 'Second paragraph.'])
    const whole = project.session.sources.original(id).data
    const { c, path } = await core()
    await c.openProject(path)
    const first = (await dispatch(c.handlers, 'sources.originalRange', { id, offset: 0, length: 10 })) as OriginalRange
    expect(first.size).toBe(whole.length)
    const rest = (await dispatch(c.handlers, 'sources.originalRange', { id, offset: 10, length: 1_000_000 })) as OriginalRange
    const joined = Buffer.concat([Buffer.from(first.dataBase64, 'base64'), Buffer.from(rest.dataBase64, 'base64')])
    expect(joined.equals(whole)).toBe(true)
    const atEnd = (await dispatch(c.handlers, 'sources.originalRange', { id, offset: whole.length, length: 5 })) as OriginalRange
    expect(atEnd.dataBase64).toBe('')
  })

  it('refuses a piece that is too large, starts past the end, or belongs to no source, with a clear message', async () => {
    const id = addSource(project.session, ['Only paragraph.'])
    const { c, path } = await core()
    await c.openProject(path)
    await expect(dispatch(c.handlers, 'sources.originalRange', { id, offset: 0, length: MAX_ORIGINAL_RANGE_BYTES + 1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('at most 4 MB'),
    })
    await expect(dispatch(c.handlers, 'sources.originalRange', { id, offset: 1e9, length: 10 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('nothing starts at byte 1000000000'),
    })
    await expect(dispatch(c.handlers, 'sources.originalRange', { id, offset: -1, length: 10 })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(c.handlers, 'sources.originalRange', { id: 'no-such-source', offset: 0, length: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
