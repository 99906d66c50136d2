import { beforeEach, describe, expect, it } from 'vitest'
import { toErrorPayload } from '../../electron/core/errors'
import type { BriefDocument, BriefSummary } from '@shared/dto/briefs'
import { useStarterCore } from '../helpers/core-on-project'

describe('a project opened read-only', () => {
  const starter = useStarterCore()
  const { call } = starter
  /** What a door sends back for a failure (SQLite's own refusals become READ_ONLY there). */
  const refusal = (method: string, args: unknown) => call(method, args).then(() => null, (e: unknown) => toErrorPayload(e))

  beforeEach(async () => {
    await call('project.open', { file: starter.core.files.forReading(starter.path).handle, readOnly: true })
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
