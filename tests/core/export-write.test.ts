import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import { describeWriteError, writeFileAtomic } from '../../electron/core/export/write'
import { TEMP_FILE_PATTERN } from '../../electron/core/export/temp-journal'
import { createExportFixture, type ExportFixture } from '../fixtures/export-fixture'

describe('writing the .docx: all of it or nothing, with a message that says why', () => {
  let fixture: ExportFixture
  beforeAll(async () => {
    fixture = await createExportFixture('evident-write-')
  })
  afterAll(() => fixture.cleanup())

  const exportTo = (outPath: string, extra: Record<string, unknown> = {}) => exportBriefToDocx(fixture.ctx, { briefId: fixture.briefId, outPath, ...extra })
  const tempFiles = (dir: string) => readdirSync(dir).filter((name) => TEMP_FILE_PATTERN.test(name) || name.includes('.tmp'))

  it('never replaces a file silently: an existing one is refused with CONFLICT and left as it was', async () => {
    const target = join(fixture.out, 'brief.docx')
    writeFileSync(target, 'an older export')
    await expect(exportTo(target)).rejects.toMatchObject({ code: 'CONFLICT', message: `“brief.docx” already exists in “${fixture.out}”.` })
    expect(readFileSync(target, 'utf8')).toBe('an older export')
    expect(tempFiles(fixture.out)).toEqual([])
  })

  it('told to replace it, writes the document over an earlier export, and leaves no temporary file behind', async () => {
    const target = join(fixture.out, 'brief.docx')
    writeFileSync(target, 'an older export')
    const result = await exportTo(target, { overwrite: true })
    expect(result.path).toBe(target)
    const written = readFileSync(target)
    expect(written.byteLength).toBe(result.bytes)
    expect(written.subarray(0, 2).toString('latin1')).toBe('PK') // a zip, i.e. a real .docx
    expect(tempFiles(fixture.out)).toEqual([])
  })

  it('says so when the folder does not exist', async () => {
    await expect(exportTo(join(fixture.out, 'no-such-folder', 'brief.docx'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^“brief\.docx” could not be saved: the folder “.*no-such-folder” does not exist\.$/),
    })
  })

  it('says so when the “folder” is really a file', async () => {
    const file = join(fixture.out, 'notes.txt')
    writeFileSync(file, 'a file, not a folder')
    await expect(exportTo(join(file, 'brief.docx'))).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('is not a folder') })
  })

  it('says so when the folder is read-only', async () => {
    // Tests run as root on CI, and root writes through chmod 555. There, use a folder the kernel itself refuses
    // (sysfs answers EACCES even to root); elsewhere, a real chmod 555 folder.
    let folder: string
    if (process.getuid?.() === 0) folder = '/sys/kernel'
    else {
      folder = join(fixture.out, 'read-only')
      mkdirSync(folder)
      chmodSync(folder, 0o555)
    }
    await expect(exportTo(join(folder, 'brief.docx'))).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringContaining('you do not have permission to write there'),
    })
    if (folder !== '/sys/kernel') expect(readdirSync(folder)).toEqual([])
  })

  it('says so when the target is a folder', async () => {
    const folder = join(fixture.out, 'Brief.docx')
    mkdirSync(folder)
    await expect(exportTo(folder)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '“Brief.docx” is a folder: choose a file name for the Word document.' })
  })

  it('refuses a name that is not .docx, and the open project file itself', async () => {
    await expect(exportTo(join(fixture.out, 'brief.pdf'))).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('.docx') })
    await expect(exportTo(fixture.session.path)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('leaves an existing document untouched when the export fails before writing', async () => {
    const target = join(fixture.out, 'keep.docx')
    writeFileSync(target, 'yesterday’s export')
    await expect(exportTo(target, { style: 'no-such-style', overwrite: true })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(readFileSync(target, 'utf8')).toBe('yesterday’s export')
    expect(tempFiles(fixture.out)).toEqual([])
  })

  it('leaves an existing document untouched and removes the temporary file when writing fails midway', async () => {
    const target = join(fixture.out, 'midway.docx')
    writeFileSync(target, 'the good copy')
    // Data the file system cannot write: the temporary file exists by then, so this proves the clean-up.
    await expect(writeFileAtomic(target, null as unknown as Uint8Array, { overwrite: true })).rejects.toMatchObject({ code: 'IO_ERROR' })
    expect(readFileSync(target, 'utf8')).toBe('the good copy')
    expect(tempFiles(fixture.out)).toEqual([])
  })

  it('says a locked document is open in another program', () => {
    const busy = describeWriteError(Object.assign(new Error('busy'), { code: 'EBUSY' }), '/home/a/Brief.docx', 'rename')
    expect(busy).toMatchObject({ code: 'IO_ERROR', message: '“Brief.docx” is open in another program (close it in Word and try again).' })
    const full = describeWriteError(Object.assign(new Error('full'), { code: 'ENOSPC' }), '/home/a/Brief.docx', 'temp')
    expect(full.message).toContain('the disk is full')
  })
})
