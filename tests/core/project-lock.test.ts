import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toErrorPayload } from '../../electron/core/errors'
import { lockPathFor } from '../../electron/core/project/lock'
import { ProjectSession } from '../../electron/core/project/session'
import { refusal } from '../helpers/refusal'
import { useTempDir } from '../helpers/temp'

const BIN = resolve(__dirname, '../../bin/evident.js')
const evident = (cwd: string, ...argv: string[]) =>
  spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CONFIG_HOME: join(cwd, 'config') } })

const note = (session: ProjectSession, text: string) =>
  session.sources.insert({
    fileName: 'note.txt',
    bytes: new TextEncoder().encode(text),
    sha256: 'a'.repeat(64),
    document: { format: 'txt', mime: 'text/plain', blocks: [{ kind: 'paragraph', text }], metadata: {} },
  })

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

describe('one writer per project', () => {
  const temp = useTempDir()

  it('another Evident writing the project is named; the CLI refuses to write (exit 1) but still reads', () => {
    const path = join(temp(), 'Shared.evident')
    const app = ProjectSession.create(path, { app: 'Evident in browser mode' })
    try {
      note(app, 'Written by the app that holds the project.')
      writeFileSync(join(temp(), 'more.txt'), 'More\n\nA second note.')
      const imported = evident(temp(), 'import', '--project', path, join(temp(), 'more.txt'))
      expect(imported.status).toBe(1)
      expect(imported.stderr).toContain(`“Shared.evident” is open in Evident in browser mode (process ${process.pid}`)
      expect(imported.stderr).toMatch(/Close it there first, or open it read-only here\./)
      const listed = evident(temp(), 'sources', '--project', path, '--json')
      expect(listed.status).toBe(0)
      expect((JSON.parse(listed.stdout) as { fileName: string }[]).map((s) => s.fileName)).toEqual(['note.txt'])
      expect(app.sources.list()).toHaveLength(1)
    } finally {
      app.close()
    }
    expect(existsSync(lockPathFor(path))).toBe(false)
  })

  it('a lock left by a process that crashed is cleared on the next open', () => {
    const path = join(temp(), 'Crashed.evident')
    ProjectSession.create(path).close()
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: deadPid(), host: hostname(), app: 'the Evident window', since: '2026-12-07T09:00:00Z' }))
    const session = ProjectSession.open(path)
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8'))).toMatchObject({ pid: process.pid })
    session.close()
  })

  it('a lock held on another machine (a shared folder) is respected and named', () => {
    const path = join(temp(), 'Synced.evident')
    ProjectSession.create(path).close()
    writeFileSync(lockPathFor(path), JSON.stringify({ pid: 4242, host: 'analyst-laptop', app: 'the Evident window', since: '2026-12-07T09:00:00Z' }))
    const error = refusal(() => ProjectSession.open(path))
    expect(error.code).toBe('IN_USE')
    expect(error.message).toContain('is open in the Evident window (process 4242 on analyst-laptop since 2026-12-07 09:00)')
  })

  it('opened read-only, the project can be read and every change is refused, leaving the file as it was', () => {
    const path = join(temp(), 'Reader.evident')
    const writer = ProjectSession.create(path, { app: 'the Evident window' })
    note(writer, 'The one source.')
    writer.checkpoint()
    try {
      const reader = ProjectSession.open(path, { readOnly: true })
      expect(reader.info()).toMatchObject({ sourceCount: 1, readOnly: { reason: 'It was opened read-only.' } })
      let failure: unknown
      try {
        note(reader, 'A change that must not be saved.')
      } catch (error) {
        failure = error
      }
      expect(toErrorPayload(failure)).toMatchObject({ code: 'READ_ONLY' })
      reader.close()
      expect(writer.sources.list()).toHaveLength(1)
    } finally {
      writer.close()
    }
  })

  it('the same process may open its own project again; the lock goes when the last session closes', () => {
    const path = join(temp(), 'Twice.evident')
    const first = ProjectSession.create(path)
    const second = ProjectSession.open(path)
    first.close()
    expect(existsSync(lockPathFor(path))).toBe(true)
    second.close()
    expect(existsSync(lockPathFor(path))).toBe(false)
  })
})

describe('starting while another Evident writes the default project', () => {
  const temp = useTempDir()

  it('opens it read-only and says who is writing it, instead of failing to start', async () => {
    const { createCore, DEFAULT_PROJECT_FILE } = await import('../../electron/core/app/core')
    const { inProcessParser } = await import('../../electron/core/sources/parse/parser')
    const { RESOURCES_DIR } = await import('../helpers/temp')
    const first = await createCore({ userDataDir: temp(), resourcesDir: RESOURCES_DIR, parser: inProcessParser, appName: 'Evident in browser mode' })
    await first.openInitialProject()
    // Another process's lock, as the browser-mode server would leave it (this process shares its own).
    const lock = lockPathFor(join(temp(), DEFAULT_PROJECT_FILE))
    first.close()
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), app: 'Evident in browser mode', since: '2026-12-07T09:00:00Z' }))
    const second = await createCore({ userDataDir: temp(), resourcesDir: RESOURCES_DIR, parser: inProcessParser, appName: 'the Evident window' })
    try {
      const info = await second.openInitialProject()
      expect(info.readOnly?.reason).toBe(`Evident in browser mode (process ${process.ppid} since 2026-12-07 09:00) is writing this project, so it is open here read-only.`)
      expect(info.sourceCount).toBe(5)
    } finally {
      second.close()
    }
  })
})
