import { symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INDEX_HTML, request, startServer, type Running } from './helpers'

let app: Running
beforeAll(async () => {
  app = await startServer()
})
afterAll(() => app.close())

describe('the interface files', () => {
  it('serves index.html for / with the security headers, and no token needed', async () => {
    const reply = await request(app.port, { path: '/?token=ignored-here' })
    expect(reply.status).toBe(200)
    expect(reply.body).toBe(INDEX_HTML)
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(reply.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it('serves assets with their content type', async () => {
    const reply = await request(app.port, { path: '/assets/app.js' })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8')
    const head = await request(app.port, { method: 'HEAD', path: '/assets/app.js' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
  })

  it('never serves a file outside the renderer folder', async () => {
    const attempts = ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/..%5csecret.txt', '/..\\secret.txt', '/index.html%00.js', '/%zz']
    for (const path of attempts) {
      const reply = await request(app.port, { path })
      expect([400, 404], path).toContain(reply.status)
      expect(reply.body).not.toContain('not for the browser')
    }
    expect((await request(app.port, { path: '/missing.js' })).status).toBe(404)
    // A symlink planted inside the build is followed only if it stays inside the build.
    symlinkSync(join(app.dir, 'secret.txt'), join(app.dir, 'renderer', 'link.txt'))
    const linked = await request(app.port, { path: '/link.txt' })
    expect(linked.status).toBe(404)
    expect(linked.body).not.toContain('not for the browser')
    // ...and one that stays inside is served like the file it names.
    symlinkSync(join(app.dir, 'renderer', 'assets', 'app.js'), join(app.dir, 'renderer', 'alias.js'))
    const alias = await request(app.port, { path: '/alias.js' })
    expect(alias.status).toBe(200)
    expect(alias.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it('allows only GET and HEAD for files', async () => {
    const reply = await request(app.port, { method: 'PUT', path: '/index.html', body: 'x' })
    expect(reply.status).toBe(405)
  })
})
