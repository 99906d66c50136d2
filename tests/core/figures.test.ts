import { copyFileSync, openSync, readFileSync, closeSync, ftruncateSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { isAppError } from '../../electron/core/errors'
import type { AddedFigure, FigureData } from '@shared/dto/figures'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import { FIXTURES_DIR, RESOURCES_DIR, useTempDir } from '../helpers/temp'

const CHART = join(FIXTURES_DIR, 'figures', 'bar-chart.png')
const PHOTO = join(FIXTURES_DIR, 'figures', 'waiting-room.jpg')
type Refusal = { ok: false; error: { code: string; message: string } }
type Outcome<T> = { ok: true; value: T } | Refusal

/** A call through the real dispatch (the contract's validation, then the handler), its refusal kept as data. */
async function call<T>(core: Core, method: string, args: unknown): Promise<Outcome<T>> {
  try {
    return { ok: true, value: (await dispatch(core.handlers, method, args)) as T }
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } }
    throw error
  }
}

describe('an analyst inserts a picture file as a figure', () => {
  const temp = useTempDir('evident-figures-')
  let core: Core
  let project: string

  beforeEach(async () => {
    core = await createCore({ userDataDir: join(temp(), 'ud'), resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    project = join(temp(), 'figures.evident')
    await core.createProject(project, false)
  })
  afterEach(() => core.close())

  /** A file the analyst chose, as the door hands it over: a read handle, never a path. */
  const chosen = (path: string) => core.files.forReading(path).handle
  const add = (path: string) => call<AddedFigure>(core, 'figures.add', { file: chosen(path) })
  function countFigures(): number {
    const db = new Database(project, { readonly: true, fileMustExist: true })
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM figures').get() as { n: number }).n
    } finally {
      db.close()
    }
  }
  function file(name: string, bytes: Uint8Array | string): string {
    const path = join(temp(), name)
    writeFileSync(path, bytes)
    return path
  }
  async function refused(path: string): Promise<Refusal['error']> {
    const before = countFigures()
    const result = (await add(path)) as Refusal
    expect(result.ok).toBe(false)
    expect(countFigures()).toBe(before)
    return result.error
  }

  it('stores a PNG in the project, with its size read from its header, and gives the same bytes back', async () => {
    const result = await add(CHART)
    expect(result).toMatchObject({ ok: true, value: { figure: { mediaType: 'image/png', width: 640, height: 360, name: 'bar-chart.png' } } })
    const figure = (result as { value: AddedFigure }).value.figure
    const got = await call<FigureData>(core, 'figures.get', { id: figure.id })
    expect(got.ok && Buffer.from(got.value.data, 'base64').equals(readFileSync(CHART))).toBe(true)
    // The same picture again is the same figure, stored once.
    const again = await add(CHART)
    expect(again.ok && again.value.figure.id).toBe(figure.id)
    expect(countFigures()).toBe(1)
  })

  it('stores a JPEG with its size from its start-of-frame', async () => {
    expect(await add(PHOTO)).toMatchObject({ ok: true, value: { figure: { mediaType: 'image/jpeg', width: 320, height: 200 } } })
  })

  it('refuses a 40 MB picture by its size, with a clear message, and stores nothing', async () => {
    const path = join(temp(), 'scan.png')
    const fd = openSync(path, 'w')
    writeSync(fd, readFileSync(CHART))
    ftruncateSync(fd, 40 * 1024 * 1024)
    closeSync(fd)
    const error = await refused(path)
    expect(error.code).toBe('FILE_TOO_LARGE')
    expect(error.message).toBe('“scan.png” is 40 MB: a figure may be at most 10 MB. Save it smaller (a lower resolution, or JPEG for a photograph) and insert it again.')
  })

  it('says what a file named as a picture really is when it is not one', async () => {
    const error = await refused(file('chart.png', '%PDF-1.7\n1 0 obj <<>> endobj\n'))
    expect(error).toEqual({ code: 'UNSUPPORTED_FORMAT', message: '“chart.png” is named as a PNG image but is a PDF, not a PNG, JPEG or SVG picture. Nothing was inserted.' })
    const text = await refused(file('notes.jpg', 'Not a picture at all'))
    expect(text.message).toBe('“notes.jpg” is named as a JPEG image but is not a PNG, JPEG or SVG picture. Nothing was inserted.')
    const gif = await refused(file('anim.gif', 'GIF89a\x01\x00\x01\x00'))
    expect(gif.message).toBe('“anim.gif” is a GIF image, not a PNG, JPEG or SVG picture. Nothing was inserted.')
  })

  it('takes a JPEG named .png as the JPEG it is, and says so', async () => {
    const misnamed = join(temp(), 'photo.png')
    copyFileSync(PHOTO, misnamed)
    expect(await add(misnamed)).toMatchObject({
      ok: true,
      value: { figure: { mediaType: 'image/jpeg' }, note: '“photo.png” is really a JPEG image, whatever its name says: it was inserted as one.' },
    })
  })

  it('refuses a damaged picture and one too large to decode, storing nothing', async () => {
    const damaged = await refused(file('broken.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])))
    expect(damaged).toEqual({ code: 'CORRUPT_FILE', message: '“broken.png” starts like a PNG image but is damaged: its size cannot be read. Nothing was inserted.' })
    // A 60,000 × 60,000 PNG header: a few bytes that would take 14 GB to decode.
    const bomb = Buffer.from(readFileSync(CHART))
    bomb.writeUInt32BE(60_000, 16)
    bomb.writeUInt32BE(60_000, 20)
    const tooMany = await refused(file('bomb.png', bomb))
    expect(tooMany.code).toBe('FILE_TOO_LARGE')
    expect(tooMany.message).toBe('“bomb.png” is 60,000 × 60,000 pixels: a figure may have at most 50 million. Save it at a lower resolution and insert it again.')
    expect((await refused(file('empty.png', ''))).code).toBe('EMPTY_FILE')
  })

  it('takes only a handle the door minted, never a path, and says when a figure is not in the project', async () => {
    expect(await call(core, 'figures.add', { file: CHART })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call(core, 'figures.add', { file: `fh_${'A'.repeat(43)}` })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call(core, 'figures.add', { file: chosen(temp()) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call(core, 'figures.get', { id: 'x'.repeat(65) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call(core, 'figures.get', { id: 'nosuchfigure' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('refuses to store a figure in a project opened read-only', async () => {
    await core.openProject(project, true)
    expect(await add(CHART)).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
  })
})
