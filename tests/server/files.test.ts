import { existsSync, readdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportSummary } from '@shared/dto/sources'
import { invoke, request, startServer, TOKEN, type Running } from './helpers'

let app: Running | null = null
afterEach(async () => {
  await app?.close()
  app = null
})

const auth = { Authorization: `Bearer ${TOKEN}` }

function upload(port: number, name: string, body: Buffer, headers: Record<string, string> = auth) {
  return request(port, { method: 'POST', path: `/api/files?name=${encodeURIComponent(name)}`, headers: { 'Content-Type': 'application/octet-stream', ...headers }, body })
}

const sourceCount = async (a: Running) => (await a.core.handlers['project.info']({})).sourceCount

describe('browser mode: files travel as uploads and downloads, never as paths', () => {
  it('an uploaded file comes back as a read handle that sources.import reads, under its own name', async () => {
    app = await startServer()
    const reply = await upload(app.port, 'Rural notes.txt', Buffer.from('Rural practices report the hardest recruitment in a decade.'))
    expect(reply.status).toBe(200)
    const picked = (JSON.parse(reply.body) as { value: { handle: string; name: string } }).value
    expect(picked).toEqual({ handle: expect.stringMatching(/^fh_[A-Za-z0-9_-]{43}$/), name: 'Rural notes.txt' })
    expect(reply.body).not.toContain('/')
    const done = new Promise<ImportSummary>((resolve) => app!.core.events.subscribe((e, p) => e === 'import.done' && resolve(p as ImportSummary)))
    expect((await invoke(app.port, 'sources.import', { files: [picked.handle] })).status).toBe(200)
    expect((await done).imported.map((s) => s.fileName)).toEqual(['Rural notes.txt'])
  })

  it('an oversized upload is refused with FILE_TOO_LARGE, nothing is kept and the project is unchanged', async () => {
    app = await startServer({ maxUploadBytes: 1024 })
    const before = await sourceCount(app)
    const declared = await upload(app.port, 'big.pdf', Buffer.alloc(4096, 1))
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body).error).toEqual({ code: 'FILE_TOO_LARGE', message: '“big.pdf” is larger than 0.0009765625 MB, so it was not uploaded.' })
    // Without a declared length the body is counted as it arrives.
    const chunked = await upload(app.port, 'big.pdf', Buffer.alloc(4096, 1), { ...auth, 'Transfer-Encoding': 'chunked' })
    expect(chunked.status).toBe(413)
    expect(await sourceCount(app)).toBe(before)
  })

  it('refuses an upload without a session or a name', async () => {
    app = await startServer()
    expect((await upload(app.port, 'x.txt', Buffer.from('x'), {})).status).toBe(401)
    const nameless = await request(app.port, { method: 'POST', path: '/api/files', headers: auth, body: 'x' })
    expect(nameless.status).toBe(400)
    expect(JSON.parse(nameless.body).error.code).toBe('INVALID_INPUT')
  })

  it('an export to a place chosen in browser mode is a download, given once and then removed', async () => {
    app = await startServer()
    const [brief] = await app.core.handlers['briefs.list']({})
    const picked = (await invoke(app.port, 'files.pickForWriting', { title: 'Export to Word', suggestedName: 'GP brief – draft.docx' })).json.value as { file: { handle: string; name: string } }
    expect(picked.file.name).toBe('GP brief – draft.docx')
    // Not yet written: nothing to download.
    expect((await request(app.port, { path: `/api/files/${picked.file.handle}`, headers: auth })).status).toBe(404)
    const exported = await invoke(app.port, 'export.docx', { briefId: brief!.id, target: picked.file.handle, force: true })
    expect(exported.json.value).toMatchObject({ path: 'GP brief – draft.docx' })
    // A second write through the same handle is refused.
    const again = await invoke(app.port, 'export.docx', { briefId: brief!.id, target: picked.file.handle, force: true })
    expect(again.json.error).toMatchObject({ code: 'INVALID_INPUT', message: '“GP brief – draft.docx” has been written already. Choose where to save again.' })

    expect((await request(app.port, { path: `/api/files/${picked.file.handle}` })).status).toBe(401)
    const download = await request(app.port, { path: `/api/files/${picked.file.handle}`, headers: auth })
    expect(download.status).toBe(200)
    expect(download.headers['content-disposition']).toBe(`attachment; filename="GP brief _ draft.docx"; filename*=UTF-8''GP%20brief%20%E2%80%93%20draft.docx`)
    expect(download.body.slice(0, 2)).toBe('PK')
    expect((await request(app.port, { path: `/api/files/${picked.file.handle}`, headers: auth })).status).toBe(404)
    // Nothing was written beside the project.
    expect(readdirSync(app.dir).filter((f) => f.endsWith('.docx'))).toEqual([])
  })

  it('a read handle (an upload) is not a place to write, and a made-up download is not there', async () => {
    app = await startServer()
    const [brief] = await app.core.handlers['briefs.list']({})
    const uploaded = (JSON.parse((await upload(app.port, 'notes.docx', Buffer.from('x'))).body) as { value: { handle: string } }).value
    const refused = await invoke(app.port, 'export.docx', { briefId: brief!.id, target: uploaded.handle, force: true })
    expect(refused.json.error).toMatchObject({ code: 'INVALID_INPUT', message: '“notes.docx” was chosen as a file to read, not a place to write.' })
    expect((await request(app.port, { path: `/api/files/${uploaded.handle}`, headers: auth })).status).toBe(404)
    expect((await request(app.port, { path: `/api/files/..%2F..%2Fetc%2Fpasswd`, headers: auth })).status).toBe(404)
    expect(existsSync(app.projectPath)).toBe(true)
  })
})
