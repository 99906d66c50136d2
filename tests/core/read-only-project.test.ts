import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { toErrorPayload } from '../../electron/core/errors'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { BriefDocument, BriefSummary } from '@shared/dto/briefs'
import { RESOURCES_DIR } from '../helpers/temp'

describe('a project opened read-only', () => {
  let dir: string
  let core: Core
  const call = (method: string, args: unknown) => dispatch(core.handlers, method, args)
  /** What a door sends back for a failure (SQLite's own refusals become READ_ONLY there). */
  const refusal = (method: string, args: unknown) => call(method, args).then(() => null, (e: unknown) => toErrorPayload(e))

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'evident-read-only-'))
    core = await createCore({ userDataDir: join(dir, 'user'), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    const path = join(dir, 'starter.evident')
    await core.createProject(path, true)
    await call('project.open', { file: core.files.forReading(path).handle, readOnly: true })
  })
  afterEach(() => {
    core.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows every brief read-only with the project’s reason, refuses its save, an import and a trash restore', async () => {
    const [summary] = (await call('briefs.list', {})) as BriefSummary[]
    const doc = (await call('briefs.get', { id: summary!.id })) as BriefDocument
    expect(doc).toMatchObject({ readOnly: true, message: 'It was opened read-only. This brief cannot be changed here.' })
    expect(await refusal('briefs.save', { id: doc.id, content: JSON.stringify(doc.content) })).toMatchObject({ code: 'READ_ONLY' })
    expect(await refusal('sources.importData', { files: [{ name: 'a.txt', dataBase64: Buffer.from('text').toString('base64') }] })).toEqual({
      code: 'READ_ONLY',
      message: 'It was opened read-only. Nothing can be changed until it is opened normally.',
    })
    expect(await refusal('trash.empty', {})).toMatchObject({ code: 'READ_ONLY' })
    expect(((await call('briefs.get', { id: doc.id })) as BriefDocument).revision).toBe(doc.revision)
  })
})
