import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { ImportSummary } from '@shared/dto/sources'
import { RESOURCES_DIR, useTempDir } from '../helpers/temp'

const temp = useTempDir('evident-handles-')

async function starterCore(dir: string, name = 'p'): Promise<Core> {
  const core = await createCore({ userDataDir: join(dir, `ud-${name}`), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
  await core.createProject(join(dir, `${name}.evident`), true)
  return core
}

async function importDone(core: Core, files: string[]): Promise<ImportSummary> {
  const done = new Promise<ImportSummary>((resolve) => core.events.subscribe((event, payload) => event === 'import.done' && resolve(payload as ImportSummary)))
  await dispatch(core.handlers, 'sources.import', { files })
  return done
}

/** The starter project's core and its brief, beside a file the analyst already has (`name`, holding `content`). */
async function starterBeside(name: string, content: string) {
  const dir = temp()
  const core = await starterCore(dir)
  const [brief] = await core.handlers['briefs.list']({})
  const path = join(dir, name)
  writeFileSync(path, content)
  return { dir, core, briefId: brief!.id, path }
}

const counts = async (core: Core) => {
  const info = await core.handlers['project.info']({})
  return { sources: info.sourceCount, claims: info.claimCount, briefs: info.briefCount }
}

describe('files the analyst chose travel as handles, never as paths', () => {
  it('imports a file through the read handle its door minted, under the name the analyst knows', async () => {
    const dir = temp()
    const core = await starterCore(dir)
    const path = join(dir, 'upload-7f3a')
    writeFileSync(path, 'Integrated care boards now commission most community services.')
    const summary = await importDone(core, [core.files.forReading(path, 'ICB notes.txt').handle])
    expect(summary.imported.map((s) => s.fileName)).toEqual(['ICB notes.txt'])
    core.close()
  })

  it('refuses a path, a forged handle and a handle from another window, and the project is unchanged', async () => {
    const dir = temp()
    const core = await starterCore(dir, 'mine')
    const other = await starterCore(dir, 'theirs')
    const secret = join(dir, 'secret.txt')
    writeFileSync(secret, 'the analyst never chose this file')
    const before = await counts(core)

    await expect(dispatch(core.handlers, 'sources.import', { files: [secret] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('That is not a file handle. Choose the file again (Evident takes no file path from its window).'),
    })
    const forged = `fh_${'A'.repeat(43)}`
    await expect(dispatch(core.handlers, 'sources.import', { files: [forged] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'That file is not one this window was given (or it was given to another Evident). Choose the file again.',
    })
    const theirs = other.files.forReading(secret).handle
    await expect(dispatch(core.handlers, 'sources.import', { files: [theirs] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    // One bad handle refuses the whole batch before any file is read.
    const good = core.files.forReading(secret).handle
    await expect(dispatch(core.handlers, 'sources.import', { files: [good, forged] })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await counts(core)).toEqual(before)
    core.close()
    other.close()
  })

  it('a read handle cannot be written, and a write handle is used once', async () => {
    const { dir, core, briefId, path: original } = await starterBeside('keep.docx', 'the analyst’s own document')

    const readOnly = core.files.forReading(original).handle
    await expect(dispatch(core.handlers, 'export.docx', { briefId, target: readOnly, force: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '“keep.docx” was chosen as a file to read, not a place to write.',
    })
    expect(readFileSync(original, 'utf8')).toBe('the analyst’s own document')

    const out = join(dir, 'Brief.docx')
    const target = core.files.forWriting({ path: out, name: 'Brief.docx', overwrite: false }).handle
    const result = (await dispatch(core.handlers, 'export.docx', { briefId, target, force: true })) as { path: string }
    expect(result.path).toBe('Brief.docx')
    const written = readFileSync(out)
    await expect(dispatch(core.handlers, 'export.docx', { briefId, target, force: true })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '“Brief.docx” has been written already. Choose where to save again.',
    })
    expect(readFileSync(out).equals(written)).toBe(true)
    // A write handle is not a file to read either.
    const another = core.files.forWriting({ path: join(dir, 'x.docx'), name: 'x.docx', overwrite: false }).handle
    await expect(dispatch(core.handlers, 'sources.import', { files: [another] })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '“x.docx” was chosen as a place to write, not a file to read.' })
    core.close()
  })

  it('a write that fails gives the handle back, so the analyst can try again', async () => {
    const { core, briefId, path: out } = await starterBeside('Taken.docx', 'already here')
    const target = core.files.forWriting({ path: out, name: 'Taken.docx', overwrite: false }).handle
    await expect(dispatch(core.handlers, 'export.docx', { briefId: 'no-such-brief', target })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(dispatch(core.handlers, 'export.docx', { briefId, target, force: true })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(readFileSync(out, 'utf8')).toBe('already here')
    core.close()
  })

  it('in a door without pickers (browser mode) a place to write is a download the core writes itself', async () => {
    const dir = temp()
    const core = await starterCore(dir)
    const [brief] = await core.handlers['briefs.list']({})
    const { file } = (await dispatch(core.handlers, 'files.pickForWriting', { title: 'Export to Word', suggestedName: 'GP brief.docx' })) as { file: { handle: string; name: string } | null }
    expect(file).toMatchObject({ name: 'GP brief.docx', handle: expect.stringMatching(/^fh_[A-Za-z0-9_-]{43}$/) })
    expect(core.files.takeDownload(file!.handle)).toBeNull()
    await dispatch(core.handlers, 'export.docx', { briefId: brief!.id, target: file!.handle, force: true })
    const download = core.files.takeDownload(file!.handle)!
    expect(download.name).toBe('GP brief.docx')
    expect(readFileSync(download.path).subarray(0, 2).toString()).toBe('PK')
    expect(core.files.takeDownload(file!.handle)).toBeNull()
    await expect(dispatch(core.handlers, 'files.pickForReading', { title: 'Import' })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    core.close()
    expect(existsSync(download.path)).toBe(false)
  })

  it('a project is made or copied only at a place the analyst chose; in browser mode a copy is a download and a new project is refused', async () => {
    const dir = temp()
    const core = await starterCore(dir)
    const before = await core.handlers['project.info']({})
    const elsewhere = join(dir, 'elsewhere.evident')
    await expect(dispatch(core.handlers, 'project.create', { path: elsewhere })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(dispatch(core.handlers, 'project.saveCopy', { path: elsewhere })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const read = core.files.forReading(elsewhere).handle
    await expect(dispatch(core.handlers, 'project.saveCopy', { file: read })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(existsSync(elsewhere)).toBe(false)

    const forNew = (await dispatch(core.handlers, 'files.pickForWriting', { title: 'New project', suggestedName: 'Untitled.evident' })) as { file: { handle: string } }
    await expect(dispatch(core.handlers, 'project.create', { file: forNew.file.handle })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('--project FILE') })
    expect((await core.handlers['project.info']({})).path).toBe(before.path)

    const forCopy = (await dispatch(core.handlers, 'files.pickForWriting', { title: 'Save a copy as', suggestedName: 'p copy.evident' })) as { file: { handle: string } }
    expect(await dispatch(core.handlers, 'project.saveCopy', { file: forCopy.file.handle })).toEqual({ name: 'p copy.evident' })
    const copy = core.files.takeDownload(forCopy.file.handle)!
    expect(readFileSync(copy.path).subarray(0, 15).toString()).toBe('SQLite format 3')
    expect((await core.handlers['project.info']({})).path).toBe(before.path)
    core.close()
  })
})
