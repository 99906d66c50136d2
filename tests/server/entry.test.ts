import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProjectInfo } from '@shared/dto/project'
import { TOKEN, invoke } from './helpers'

describe('the browser-mode entry point', () => {
  it('prints the one line that says where to point the browser, with a one-time code and never the token', async () => {
    // The full suite builds first; a bare `vitest run` before any build has nothing to start.
    const entry = resolve(__dirname, '../../out/main/server.js')
    if (!existsSync(entry)) return
    const dir = mkdtempSync(join(tmpdir(), 'evident-entry-'))
    const child = spawn(process.execPath, [entry, '--user-data', join(dir, 'ud'), '--project', join(dir, 'P.evident'), '--new', '--renderer', dir], {
      env: { ...process.env, EVIDENT_TOKEN: TOKEN },
    })
    try {
      const line = await new Promise<string>((resolveLine, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8')
          if (out.includes('\n')) resolveLine(out)
        })
        child.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
      })
      const match = /^Evident is running in browser mode: http:\/\/127\.0\.0\.1:(\d+)\/\?code=([A-Za-z0-9_-]{43})\n$/.exec(line)
      expect(match).not.toBeNull()
      expect(line).not.toContain(TOKEN)
      // A script given the token through EVIDENT_TOKEN calls the API with it as a bearer token.
      const reply = await invoke(Number(match![1]), 'project.info', {})
      expect((reply.json.value as ProjectInfo).sourceCount).toBe(5)
    } finally {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('refuses a token on its command line, where every user of the machine can read it', async () => {
    const entry = resolve(__dirname, '../../out/main/server.js')
    if (!existsSync(entry)) return
    const child = spawn(process.execPath, [entry, '--token', TOKEN], { stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
    const code = await new Promise((done) => child.once('exit', done))
    expect(code).toBe(2)
    expect(err).toMatch(/--token is no longer taken on the command line.*set EVIDENT_TOKEN/)
  })
})
