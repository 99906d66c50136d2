import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({}))

import { CONTENT_SECURITY_POLICY } from '../../electron/main/constants'
import { createAppProtocolHandler, registerAppScheme, resolveRequestPath, serveAppProtocol } from '../../electron/main/protocol'

const SECRET = 'not-for-the-renderer-7c1e'
let base: string
let root: string
let handler: ReturnType<typeof createAppProtocolHandler>

beforeAll(() => {
  // out/renderer stand-in, with a secret file beside it that the page must never reach.
  base = mkdtempSync(join(tmpdir(), 'evident-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Evident</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'pdf.worker.mjs'), 'export {}')
  writeFileSync(join(base, 'secret.txt'), SECRET)
  handler = createAppProtocolHandler(root)
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

async function get(url: string, method = 'GET') {
  const response = await handler({ url, method })
  return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, body: await response.text() }
}

describe('the app:// protocol', () => {
  it('serves index.html for the root and by name, with the content security policy', async () => {
    for (const url of ['app://evident/', 'app://evident', 'app://evident/index.html', 'app://evident/index.html?x=1#top']) {
      const res = await get(url)
      expect(res.status, url).toBe(200)
      expect(res.type).toBe('text/html; charset=utf-8')
      expect(res.body).toContain('<title>Evident</title>')
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('gives scripts, module workers and styles their MIME types', async () => {
    expect((await get('app://evident/assets/index-abc.js')).type).toBe('text/javascript; charset=utf-8')
    expect((await get('app://evident/assets/pdf.worker.mjs')).type).toBe('text/javascript; charset=utf-8')
    expect((await get('app://evident/assets/index-abc.css')).type).toBe('text/css; charset=utf-8')
  })

  it('answers 404 for a file that is not there, and for a folder', async () => {
    expect((await get('app://evident/assets/missing.js')).status).toBe(404)
    expect((await get('app://evident/assets')).status).toBe(404)
  })

  it.each([
    'app://evident/../secret.txt',
    'app://evident/../../etc/passwd',
    'app://evident/assets/../../secret.txt',
    'app://evident/%2e%2e/secret.txt',
    'app://evident/%2E%2E/%2e%2e/etc/passwd',
    'app://evident/%2e%2e%2fsecret.txt',
    'app://evident/..%2fsecret.txt',
    'app://evident/..%5csecret.txt',
    'app://evident/assets/..\\..\\secret.txt',
    'app://evident//etc/passwd',
    'app://evident/%2fetc%2fpasswd',
    'app://evident/C:/Windows/win.ini',
    'app://evident/c%3a%5cWindows%5cwin.ini',
    'app://evident/index.html%00.png',
    'app://evident/%E0%A4%A',
    'app://evil/index.html',
    'app://evident.example/index.html',
    'app://evident@evil/index.html',
  ])('refuses %s without reading outside the renderer folder', async (url) => {
    const res = await get(url)
    expect([400, 403]).toContain(res.status)
    expect(res.body).not.toContain(SECRET)
    expect(res.body).not.toContain('root:')
  })

  it('refuses an absolute path to a real file outside the renderer folder', async () => {
    const secret = join(base, 'secret.txt')
    for (const url of [`app://evident/${secret}`, `app://evident/${encodeURIComponent(secret)}`]) {
      const res = await get(url)
      expect(res.status, url).not.toBe(200)
      expect(res.body).not.toContain(SECRET)
    }
    expect(resolveRequestPath(root, `app://evident/${encodeURIComponent(secret)}`)).toEqual({ ok: false, status: 403 })
  })

  it('keeps every resolved file inside the root', () => {
    const resolved = resolveRequestPath(root, 'app://evident/assets/index-abc.js')
    expect(resolved).toEqual({ ok: true, file: join(root, 'assets', 'index-abc.js'), relativePath: join('assets', 'index-abc.js') })
  })

  describe('with symlinks, judged by where they really lead', () => {
    beforeAll(() => {
      mkdirSync(join(base, 'outside'))
      writeFileSync(join(base, 'outside', 'other.js'), SECRET)
      symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'))
      symlinkSync(join(base, 'outside'), join(root, 'escape'))
      symlinkSync(join(root, 'assets', 'index-abc.js'), join(root, 'alias.js'))
      symlinkSync(join(root, 'assets'), join(root, 'assets-link'))
      symlinkSync(join(base, 'gone.js'), join(root, 'dangling.js'))
      // out/renderer reached through a link, as a packaged or symlinked checkout may be.
      symlinkSync(root, join(base, 'renderer-link'))
    })

    it('refuses a link inside the renderer folder that leads out of it, file or folder', async () => {
      for (const url of ['app://evident/leak.txt', 'app://evident/escape/other.js']) {
        const res = await get(url)
        expect(res.status, url).toBe(403)
        expect(res.body).not.toContain(SECRET)
      }
      expect((await get('app://evident/leak.txt', 'HEAD')).status).toBe(403)
    })

    it('serves a link that stays inside the renderer folder', async () => {
      for (const url of ['app://evident/alias.js', 'app://evident/assets-link/index-abc.js']) {
        const res = await get(url)
        expect(res.status, url).toBe(200)
        expect(res.body).toBe('console.log(1)')
        expect(res.type).toBe('text/javascript; charset=utf-8')
      }
    })

    it('answers 404 for a link to nothing', async () => {
      expect((await get('app://evident/dangling.js')).status).toBe(404)
    })

    it('works when the renderer folder itself is a link, and still refuses links out of it', async () => {
      const linked = createAppProtocolHandler(join(base, 'renderer-link'))
      const index = await linked({ url: 'app://evident/index.html' })
      expect(index.status).toBe(200)
      expect(await index.text()).toContain('<title>Evident</title>')
      expect((await linked({ url: 'app://evident/assets/index-abc.js' })).status).toBe(200)
      const leak = await linked({ url: 'app://evident/leak.txt' })
      expect(leak.status).toBe(403)
      expect(await leak.text()).not.toContain(SECRET)
    })
  })

  it('is read-only: other methods get 405, HEAD gets no body', async () => {
    expect((await get('app://evident/index.html', 'POST')).status).toBe(405)
    const head = await get('app://evident/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
  })

  it('registers app as a standard, secure, fetch-capable scheme and serves it', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
    registerAppScheme(protocol)
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    serveAppProtocol(protocol, root)
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})
