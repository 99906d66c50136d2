import { symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useFreshCli } from './run-cli'

const cli = useFreshCli('evident-cli-paths-')
const { evident } = cli

describe('importing paths that do not lead to a file', () => {
  it('a missing path, a dangling symbolic link and a loop of links each say what is wrong, and the project stays empty', async () => {
    const project = join(cli.dir, 'Brief.evident')
    expect((await evident('new', '--project', project)).code).toBe(0)
    symlinkSync(join(cli.dir, 'deleted-report.pdf'), join(cli.dir, 'report.pdf'))
    symlinkSync(join(cli.dir, 'loop-b.txt'), join(cli.dir, 'loop-a.txt'))
    symlinkSync(join(cli.dir, 'loop-a.txt'), join(cli.dir, 'loop-b.txt'))
    const run = await evident('import', '--project', project, join(cli.dir, 'missing.txt'), join(cli.dir, 'report.pdf'), join(cli.dir, 'loop-a.txt'))
    expect(run.code).toBe(1)
    expect(run.out).toContain(`“missing.txt” is no longer there: nothing exists at ${join(cli.dir, 'missing.txt')}`)
    expect(run.out).toContain(`“report.pdf” is a symbolic link to “${join(cli.dir, 'deleted-report.pdf')}”, which does not exist`)
    expect(run.out).toContain('“loop-a.txt” is a symbolic link that leads round in a loop')
    expect((await evident('sources', '--project', project, '--json')).out).toBe('[]')
  })

  it('a file name holding terminal escape sequences is printed with them shown, not obeyed', async () => {
    const project = join(cli.dir, 'Brief.evident')
    expect((await evident('new', '--project', project)).code).toBe(0)
    const name = 'report\u001b]0;owned\u0007\u001b[2J\u009b31m.txt'
    writeFileSync(join(cli.dir, name), 'A note\n\nGeneral practice needs more partners.')
    const run = await evident('import', '--project', project, join(cli.dir, name))
    expect(run.code).toBe(0)
    expect(run.out + run.err).not.toMatch(/[\u001b\u0007\u009b]/)
    expect(run.out).toContain('report\\u001B]0;owned\\u0007\\u001B[2J\\u009B31m.txt')
    const listed = await evident('sources', '--project', project, '--json')
    expect(JSON.parse(listed.out)[0].fileName).toBe(name)
  })
})
