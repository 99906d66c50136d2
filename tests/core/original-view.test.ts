import { createHash } from 'node:crypto'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { dispatch } from '../../electron/core/app/dispatch'
import { findParserEntry } from '../../electron/core/app/resources'
import { renderOriginal } from '../../electron/core/sources/formats/original-view'
import { nodeParserPool } from '../../electron/core/sources/parse/node-process'
import type { OriginalView } from '@shared/dto/original-view'
import type { SourceFormat } from '@shared/dto/sources'
import { RESOURCES_DIR } from '../fixtures/brief-fixture'
import { useTempDir } from '../helpers/temp'
import { docxWithExternalImage, HOSTILE_SNAPSHOT } from '../fixtures/hostile-pages'
import { addSource, openTempProject, type TempProject } from './claims-fixture'

const bytesOf = (text: string) => new TextEncoder().encode(text)

describe('a saved page in the Original view: nothing in it can run, load, submit or navigate', () => {
  it('drops scripts, event handlers, meta refresh, <base>, forms, frames and outside style sheets', async () => {
    const view = await renderOriginal('hostile.html', 'html', bytesOf(HOSTILE_SNAPSHOT))
    const all = view.body + view.css
    for (const gone of ['<script', 'onload', 'onerror', 'javascript:', '<form', '<input', '<button', '<iframe', '<meta', 'refresh', '<base', '<link', '<svg', 'evil.example']) {
      expect(all.toLowerCase(), gone).not.toContain(gone)
    }
    expect(view.body).toContain('Practices that share premises with community teams saw fewer emergency admissions.')
    expect(view.body).toContain('The last paragraph of the page.')
  })

  it('shows a remote image as a placeholder naming it, keeps the page’s own pictures, and removes every outside url() and font', async () => {
    const view = await renderOriginal('hostile.html', 'html', bytesOf(HOSTILE_SNAPSHOT))
    expect(view.body).toContain('<span data-evident-blocked="" role="img" aria-label="Image not loaded: Chart of admissions">Image not loaded: Chart of admissions</span>')
    expect(view.body).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Inline dot">/)
    expect(view.body).toContain('style="background-image: none"')
    expect(view.css).toContain('h1 { color: #225; }')
    expect(view.css).not.toMatch(/url\(|@import|@font-face/)
    expect(view.blocked).toEqual({ images: 3, fonts: 1 })
  })

  it('keeps a link’s address to show, but never as something the frame could follow', async () => {
    const view = await renderOriginal('hostile.html', 'html', bytesOf(HOSTILE_SNAPSHOT))
    expect(view.body).toContain('<a data-href="https://www.example.org/report" title="https://www.example.org/report">the full report</a>')
    expect(view.body).not.toMatch(/\shref=/)
  })

  it('refuses to lay out a 30 MB page, saying why and where its text is', async () => {
    const big = bytesOf(`<!doctype html><title>Big</title><p>${'Padding text of a very large page. '.repeat(900_000)}</p>`)
    expect(big.byteLength).toBeGreaterThan(30 * 1024 * 1024)
    await expect(renderOriginal('big.html', 'html', big)).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'This saved page is 30 MB: the Original view shows pages of at most 10 MB as they were saved. Its text is all in the clean text.',
    })
  })
})

describe('a .docx in the Original view, laid out by mammoth', () => {
  it('shows its own pictures and a picture linked from outside as a placeholder', async () => {
    const view = await renderOriginal('linked.docx', 'docx', docxWithExternalImage())
    expect(view.body).toContain('<h1>Integrated care review</h1>')
    expect(view.body).toContain('<p>Trusts that run practices kept more of their GPs in the first year.</p>')
    expect(view.body).toMatch(/<img src="data:image\/png;base64,[^"]+">/)
    expect(view.body).toContain('Image not loaded')
    expect(view.body).not.toContain('evil.example')
    expect(view.blocked.images).toBe(1)
  })

  it('refuses a file that is not a .docx with the importer’s message', async () => {
    await expect(renderOriginal('fake.docx', 'docx', bytesOf('not a zip'))).rejects.toMatchObject({ code: 'CORRUPT_FILE', message: '"fake.docx" is not a Word document (.docx): it is not a zip file.' })
  })
})

describe('sources.originalView lays the page out in a parser process', () => {
  const pool = nodeParserPool(findParserEntry(__dirname), { size: 1 })
  let project: TempProject
  // The core's own folder (settings, recent projects), made and removed per test by the shared helper.
  const userData = useTempDir('evident-userdata-')
  beforeEach(() => {
    project = openTempProject()
  })
  afterEach(() => project.close())
  afterAll(() => pool.close())

  function addFile(fileName: string, format: SourceFormat, bytes: Uint8Array): string {
    return project.session.sources.insert({
      fileName,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      document: { format, mime: format === 'html' ? 'text/html' : 'application/octet-stream', blocks: [{ kind: 'paragraph', text: 'Practices that share premises.' }], metadata: {} },
      csl: { title: fileName },
    }).id
  }

  async function core() {
    const c = await createCore({ userDataDir: userData(), resourcesDir: RESOURCES_DIR, parser: pool })
    await c.openProject(project.session.path)
    return c
  }

  it('returns the sanitised page and the .docx, and a too-large page is refused with the project unchanged', async () => {
    const page = addFile('hostile.html', 'html', bytesOf(HOSTILE_SNAPSHOT))
    const doc = addFile('linked.docx', 'docx', docxWithExternalImage())
    const big = addFile('big.html', 'html', bytesOf(`<p>${'x'.repeat(11 * 1024 * 1024)}</p>`))
    const c = await core()
    const view = (await dispatch(c.handlers, 'sources.originalView', { id: page })) as OriginalView
    expect(view.format).toBe('html')
    expect(view.body).toContain('Image not loaded: Chart of admissions')
    expect(view.body).not.toContain('<script')
    const docView = (await dispatch(c.handlers, 'sources.originalView', { id: doc })) as OriginalView
    expect(docView.body).toContain('Integrated care review')
    const before = await dispatch(c.handlers, 'sources.list', {})
    await expect(dispatch(c.handlers, 'sources.originalView', { id: big })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' })
    expect(await dispatch(c.handlers, 'sources.list', {})).toEqual(before)
    c.close()
  })

  it('says plainly that a text source has no such view, and that a missing source is missing', async () => {
    const text = addSource(project.session, ['Just text.'])
    const c = await core()
    await expect(dispatch(c.handlers, 'sources.originalView', { id: text })).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: 'This source is a txt file: only saved web pages and Word documents are laid out this way.',
    })
    await expect(dispatch(c.handlers, 'sources.originalView', { id: 'no-such-source' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(dispatch(c.handlers, 'sources.originalView', { id: text, extra: 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
