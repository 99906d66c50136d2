import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runEvident } from './run-cli'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evident-cli-paths-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const evident = (...argv: string[]) => runEvident(dir, argv)

describe('importing paths that do not lead to a file', () => {
  it('a missing path, a dangling symbolic link and a loop of links each say what is wrong, and the project stays empty', async () => {
    const project = join(dir, 'Brief.evident')
    expect((await evident('new', '--project', project)).code).toBe(0)
    symlinkSync(join(dir, 'deleted-report.pdf'), join(dir, 'report.pdf'))
    symlinkSync(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'))
    symlinkSync(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'))
    const run = await evident('import', '--project', project, join(dir, 'missing.txt'), join(dir, 'report.pdf'), join(dir, 'loop-a.txt'))
    expect(run.code).toBe(1)
    expect(run.out).toContain(`“missing.txt” is no longer there: nothing exists at ${join(dir, 'missing.txt')}`)
    expect(run.out).toContain(`“report.pdf” is a symbolic link to “${join(dir, 'deleted-report.pdf')}”, which does not exist`)
    expect(run.out).toContain('“loop-a.txt” is a symbolic link that leads round in a loop')
    expect((await evident('sources', '--project', project, '--json')).out).toBe('[]')
  })

  it('a file name holding terminal escape sequences is printed with them shown, not obeyed', async () => {
    const project = join(dir, 'Brief.evident')
    expect((await evident('new', '--project', project)).code).toBe(0)
    const name = 'report\u001b]0;owned\u0007\u001b[2J\u009b31m.txt'
    writeFileSync(join(dir, name), 'A note\n\nGeneral practice needs more partners.')
    const run = await evident('import', '--project', project, join(dir, name))
    expect(run.code).toBe(0)
    expect(run.out + run.err).not.toMatch(/[\u001b\u0007\u009b]/)
    expect(run.out).toContain('report\\u001B]0;owned\\u0007\\u001B[2J\\u009B31m.txt')
    const listed = await evident('sources', '--project', project, '--json')
    expect(JSON.parse(listed.out)[0].fileName).toBe(name)
  })
})
