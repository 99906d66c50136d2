import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { createCore, type Core } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { findParserEntry } from '../../electron/core/app/resources'
import { isAppError } from '../../electron/core/errors'
import { nodeParserPool } from '../../electron/core/sources/parse/node-process'
import type { AddedFigure, FigureData } from '@shared/dto/figures'
import { useFixtureServer } from '../helpers/fixture-server'
import { FIXTURES_DIR, RESOURCES_DIR, useTempDir } from '../helpers/temp'

const PATHWAY = join(FIXTURES_DIR, 'figures', 'care-pathway.svg')
const PATHWAY_TITLE = 'Flow diagram: a patient goes from the GP practice to the community team, then to hospital only if needed.'
const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100"'

type Outcome = { ok: true; value: AddedFigure } | { ok: false; error: { code: string; message: string } }

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: string): [number, number] {
  const bytes = Buffer.from(data, 'base64')
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('an analyst inserts an SVG drawing as a figure: drawn as a PNG in a parser process, nothing in it runs or loads', () => {
  // Every address a hostile drawing names points here: a request arriving would mean something ran or fetched.
  const server = useFixtureServer(() => ({ '/tracker.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(readFileSync(join(FIXTURES_DIR, 'figures', 'bar-chart.png'))) }))
  const temp = useTempDir('evident-figures-svg-')
  const userData = mkdtempSync(join(tmpdir(), 'evident-figures-svg-ud-'))
  // One core (and its one reader) for the file: closing a core closes its parser pool.
  let core: Core
  let project: string
  beforeAll(async () => {
    core = await createCore({ userDataDir: userData, resourcesDir: RESOURCES_DIR, parser: nodeParserPool(findParserEntry(__dirname), { size: 1 }) })
  })
  afterAll(() => {
    core.close()
    rmSync(userData, { recursive: true, force: true })
  })
  beforeEach(async () => {
    project = join(temp(), 'figures.evident')
    await core.createProject(project, false)
  })

  /** The project's figures, by sha256 of their bytes: what a refusal must leave exactly as it was. */
  function stored(): string[] {
    const db = new Database(project, { readonly: true, fileMustExist: true })
    try {
      return (db.prepare('SELECT sha256 FROM figures ORDER BY sha256').all() as { sha256: string }[]).map((row) => row.sha256)
    } finally {
      db.close()
    }
  }

  async function add(name: string, content: string | Buffer): Promise<Outcome> {
    const path = join(temp(), name)
    writeFileSync(path, content)
    try {
      return { ok: true, value: (await dispatch(core.handlers, 'figures.add', { file: core.files.forReading(path).handle })) as AddedFigure }
    } catch (error) {
      if (isAppError(error)) return { ok: false, error: { code: error.code, message: error.message } }
      throw error
    }
  }

  async function refused(name: string, content: string | Buffer): Promise<{ code: string; message: string }> {
    const before = stored()
    const result = await add(name, content)
    if (result.ok) throw new Error(`${name} was inserted`)
    expect(stored()).toEqual(before)
    return result.error
  }

  const picture = async (id: string) => (await dispatch(core.handlers, 'figures.get', { id })) as FigureData

  it('stores a diagram as a PNG at twice its size, shown at its own, and offers its title as alt text', async () => {
    const result = await add('care-pathway.svg', readFileSync(PATHWAY))
    if (!result.ok) throw new Error(result.error.message)
    const { figure, note, suggestedAltText } = result.value
    expect(figure).toMatchObject({ mediaType: 'image/png', width: 480, height: 200, name: 'care-pathway.svg' })
    expect(note).toBe('“care-pathway.svg” is an SVG drawing: it was drawn as a picture of 960 × 400 pixels, for the brief and for Word.')
    expect(suggestedAltText).toBe(PATHWAY_TITLE)
    const data = await picture(figure.id)
    expect(pngSize(data.data)).toEqual([960, 400])
    expect(createHash('sha256').update(Buffer.from(data.data, 'base64')).digest('hex')).toBe(stored()[0])
    // The same drawing again is the same picture, stored once.
    const again = await add('care-pathway-copy.svg', readFileSync(PATHWAY))
    expect(again.ok && again.value.figure.id).toBe(figure.id)
    expect(stored()).toHaveLength(1)
  })

  it('draws an SVG with a script and an onload handler without running either, and says they were left out', async () => {
    const svg = `${SVG_OPEN} onload="fetch('${server.url('/onload')}')"><script>fetch('${server.url('/script')}')</script><rect width="200" height="100" fill="#36c" onclick="fetch('${server.url('/click')}')"/></svg>`
    const result = await add('scripted.svg', svg)
    expect(result).toMatchObject({ ok: true, value: { figure: { mediaType: 'image/png', width: 200, height: 100 } } })
    expect(result.ok && result.value.note).toBe('“scripted.svg” is an SVG drawing: it was drawn as a picture of 400 × 200 pixels, for the brief and for Word. Left out of the picture: its scripts (never run).')
    expect(result.ok && result.value.suggestedAltText).toBeUndefined()
    expect(server.requests).toEqual([])
  })

  it('never fetches a picture, style sheet or frame the drawing links to', async () => {
    const svg = `${SVG_OPEN}><style>@import url(${server.url('/sheet.css')}); rect { fill: url(${server.url('/paint.svg#p')}) }</style>
      <image href="${server.url('/tracker.png')}" width="50" height="50"/>
      <image xlink:href="${server.url('/tracker.png?xlink')}" x="50" width="50" height="50"/>
      <image href="file:///etc/passwd" x="100" width="50" height="50"/>
      <foreignObject width="200" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="${server.url('/frame')}"></iframe><img src="${server.url('/img')}"/></div></foreignObject>
      <rect x="150" width="50" height="50"/></svg>`
    const result = await add('linked.svg', svg)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.note).toMatch(/Left out of the picture: 3 pictures it links to elsewhere \(never fetched\) and the web-page content in it \(foreignObject\)\.$/)
    expect(pngSize((await picture(result.value.figure.id)).data)).toEqual([400, 200])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.requests).toEqual([])
  })

  it('draws a drawing that claims to be 100,000 px square at no more than 4,096 px a side', async () => {
    const result = await add('huge.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100000 100000"><circle cx="50000" cy="50000" r="40000" fill="#c33"/></svg>')
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.figure).toMatchObject({ mediaType: 'image/png', width: 4000, height: 4000 })
    expect(result.value.note).toBe('“huge.svg” is an SVG drawing: it was drawn smaller than the 100,000 × 100,000 it gives itself, as a picture of 4,000 × 4,000 pixels, for the brief and for Word.')
    expect(pngSize((await picture(result.value.figure.id)).data)).toEqual([4000, 4000])
    const long = await add('long.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="50"><rect width="100000" height="50"/></svg>')
    expect(long).toMatchObject({ ok: true, value: { figure: { width: 4096, height: 2 } } })
    expect(await refused('thread.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="10"><rect width="100000" height="10"/></svg>')).toEqual({
      code: 'FILE_TOO_LARGE',
      message: '“thread.svg” is 100,000 × 10 px: drawn small enough to insert, it would be less than a pixel across. Nothing was inserted.',
    })
  })

  it('refuses an entity bomb, an external entity and an SVG that is not well-formed, saying why, and stores nothing', async () => {
    const lol = (n: number) => `<!ENTITY lol${n} "${`&lol${n - 1};`.repeat(10)}">`
    const bomb = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol0 "lol">${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(lol).join('')}]>${SVG_OPEN}><text y="20">&lol9;</text></svg>`
    expect(await refused('laughs.svg', bomb)).toEqual({ code: 'CORRUPT_FILE', message: '“laughs.svg” declares entities that expand without end (an “entity bomb”), so it was not drawn. Nothing was inserted.' })
    const external = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY secret SYSTEM "file:///etc/passwd">]>${SVG_OPEN}><text y="20">&secret;</text></svg>`
    expect(await refused('xxe.svg', external)).toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringMatching(/^“xxe\.svg” is not a well-formed SVG drawing \(line 1, column \d+: unknown entity reference 'secret'\), so it cannot be drawn\. Nothing was inserted\.$/) })
    expect(await refused('broken.svg', `${SVG_OPEN}>\n<rect width="20"></svg>`)).toEqual({
      code: 'CORRUPT_FILE',
      message: '“broken.svg” is not a well-formed SVG drawing (line 2, column 18: expected \'rect\' tag, not \'svg\'), so it cannot be drawn. Nothing was inserted.',
    })
    expect((await refused('flat.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="0" height="10"/>')).code).toBe('CORRUPT_FILE')
    expect(server.requests).toEqual([])
  })

  it('refuses a file named .svg that is no drawing at all, saying what it is', async () => {
    expect(await refused('chart.svg', 'Not a drawing, only words.')).toEqual({ code: 'UNSUPPORTED_FORMAT', message: '“chart.svg” is named as an SVG drawing but is not a PNG, JPEG or SVG picture. Nothing was inserted.' })
    expect(await refused('report.svg', '%PDF-1.7\n1 0 obj <<>> endobj\n')).toEqual({ code: 'UNSUPPORTED_FORMAT', message: '“report.svg” is named as an SVG drawing but is a PDF, not a PNG, JPEG or SVG picture. Nothing was inserted.' })
    expect((await refused('page.svg', '<!doctype html><html><body><p>A page, not a drawing</p></body></html>')).code).toBe('UNSUPPORTED_FORMAT')
  })

  it('offers a drawing’s title as alt text only when it is plain, short and not a tool’s placeholder', async () => {
    const titled = async (title: string) => {
      const result = await add(`t${createHash('md5').update(title).digest('hex')}.svg`, `${SVG_OPEN}><title>${title}</title><rect width="${10 + title.length}" height="9"/></svg>`)
      return result.ok ? result.value.suggestedAltText : result.error.message
    }
    expect(await titled('Admissions fell by a third &amp; stayed down')).toBe('Admissions fell by a third & stayed down')
    expect(await titled('Layer 1')).toBeUndefined()
    expect(await titled('Untitled')).toBeUndefined()
    expect(await titled('chart-final-v2.svg')).toBeUndefined()
    expect(await titled(`A ${'very '.repeat(80)}long title`)).toBeUndefined()
  })
})
