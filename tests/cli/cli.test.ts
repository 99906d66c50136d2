import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportSummary, SourceSummary } from '@shared/dto/sources'
import { useFreshCli } from './run-cli'

const ROOT = resolve(__dirname, '../..')
const cli = useFreshCli('evident-cli-')
const { evident } = cli

describe('evident --help', () => {
  it('lists every command it can run, one line each', async () => {
    const { code, out } = await evident('--help')
    expect(code).toBe(0)
    for (const name of ['new', 'sources', 'import', 'search', 'help']) expect(out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
    expect(out).not.toMatch(/coming/i)
    expect((await evident('help', 'import')).out).toContain('evident import --project FILE PATH...')
    expect((await evident('sources', '--help')).code).toBe(0)
  })
})

describe('an analyst starting a project from the command line', () => {
  it('creates a project with the starter corpus and lists its five sources', async () => {
    const project = join(cli.dir, 'Brief.evident')
    const created = await evident('new', '--project', project, '--starter')
    expect(created.code).toBe(0)
    expect(created.out).toContain('with 5 sources')
    const listed = await evident('sources', '--project', project, '--json')
    expect(listed.code).toBe(0)
    const sources = JSON.parse(listed.out) as SourceSummary[]
    expect(sources).toHaveLength(5)
    expect(sources.every((s) => s.title.trim().length > 0)).toBe(true)
    const table = await evident('sources', '--project', project)
    expect(table.out.split('\n')[0]).toMatch(/^Title +Authors +Year +Format +¶$/)
    expect(table.out.split('\n')).toHaveLength(2 + 5)
  })

  it('imports a text file, reports a bad one, and exits 1 because one failed', async () => {
    const project = join(cli.dir, 'Import.evident')
    await evident('new', '--project', project)
    const notes = join(cli.dir, 'notes.txt')
    writeFileSync(notes, 'Workforce notes\n\nGeneral practice needs more nurses and pharmacists in every practice.\n')
    const bad = join(cli.dir, 'broken.docx')
    writeFileSync(bad, 'this is not a zip file at all')
    const run = await evident('import', '--project', project, notes, bad)
    expect(run.code).toBe(1)
    expect(run.errLines).toContain('file 1 of 2: notes.txt')
    expect(run.errLines).toContain('file 2 of 2: broken.docx')
    expect(run.out).toContain('1 imported, 0 duplicates skipped, 1 failed.')
    expect(run.out).toMatch(/failed +broken\.docx: \S/)
    const again = await evident('import', '--project', project, notes, '--json')
    expect(again.code).toBe(0)
    const summary = JSON.parse(again.out) as ImportSummary
    expect(summary.duplicates.map((d) => d.fileName)).toEqual(['notes.txt'])
    const found = await evident('search', '--project', project, 'pharmacists', '--json')
    expect(found.code).toBe(0)
    expect(JSON.parse(found.out)).toHaveLength(1)
  })
})

describe('mistakes on the command line', () => {
  it('exits 2 for an unknown command, with a hint to run --help', async () => {
    const run = await evident('frobnicate')
    expect(run.code).toBe(2)
    expect(run.errLines).toEqual(['evident: There is no command called "frobnicate". Run "evident --help" for the commands and their options.'])
  })

  it('exits 2 when --project is missing, saying what is needed', async () => {
    const run = await evident('sources')
    expect(run.code).toBe(2)
    expect(run.err).toContain('needs --project FILE')
    const json = await evident('sources', '--json')
    expect(JSON.parse(json.out)).toEqual({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('--project') } })
  })

  it('exits 2 for an option the command does not have', async () => {
    const run = await evident('sources', '--project', 'x.evident', '--colour')
    expect(run.code).toBe(2)
    expect(run.err).toContain('"sources" has no option --colour.')
    const missing = await evident('sources', '--project')
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('--project needs a value.')
  })

  it('refuses a file that is not a project with a plain message, and leaves it byte for byte', async () => {
    const notProject = join(cli.dir, 'letter.evident')
    writeFileSync(notProject, 'Dear colleague,\nThis is a letter, not a database.\n')
    const before = readFileSync(notProject)
    for (const argv of [['sources', '--project', notProject], ['import', '--project', notProject, notProject]]) {
      const run = await evident(...argv)
      expect(run.code).toBe(1)
      expect(run.errLines).toEqual(['evident: “letter.evident” is not an Evident project: it is not a database file.'])
      expect(run.err).not.toMatch(/\n\s+at /)
    }
    expect(readFileSync(notProject).equals(before)).toBe(true)
    expect(existsSync(`${notProject}-wal`)).toBe(false)
  })

  it('says a missing project does not exist, as JSON too with --json', async () => {
    const run = await evident('sources', '--project', join(cli.dir, 'gone.evident'), '--json')
    expect(run.code).toBe(1)
    expect(run.errLines[0]).toMatch(/^evident: “gone\.evident” does not exist/)
    expect(JSON.parse(run.out)).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('does not exist') } })
  })
})

describe('the installed evident command', () => {
  it('runs bin/evident.js --help from the build', () => {
    // The full suite builds first; a bare `vitest run` before any build has nothing to spawn.
    if (!existsSync(join(ROOT, 'out/main/cli.js'))) return
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/evident.js'), '--help'], { encoding: 'utf8' })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('Usage: evident COMMAND')
    expect(run.stdout).toMatch(/^ {2}import +\S/m)
  })

  it('keeps its compiled code in the user’s cache folder between runs, and runs the same where that folder cannot be made', () => {
    if (!existsSync(join(ROOT, 'out/main/cli.js'))) return
    const help = (cacheHome: string) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/evident.js'), '--help'], { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, NODE_COMPILE_CACHE: '' } })
    const cacheHome = join(cli.dir, 'cache')
    const first = help(cacheHome)
    expect(first.status).toBe(0)
    const cache = join(cacheHome, 'Evident', 'compile-cache')
    // One folder per Node version, holding an entry per compiled file.
    const [version] = readdirSync(cache)
    expect(readdirSync(join(cache, version!)).length).toBeGreaterThan(3)
    expect(help(cacheHome).stdout).toBe(first.stdout)
    // A file where the folder would go: nothing can be cached, and nothing else changes.
    const blocked = join(cli.dir, 'not-a-folder')
    writeFileSync(blocked, '')
    const run = help(blocked)
    expect([run.status, run.stderr, run.stdout]).toEqual([0, '', first.stdout])
  })

  it('says plainly when the build is missing', () => {
    // A copy of the launcher with no out/ beside it stands in for a checkout that was never built.
    const bin = join(cli.dir, 'bin')
    mkdirSync(bin)
    copyFileSync(join(ROOT, 'bin/evident.js'), join(bin, 'evident.js'))
    const run = spawnSync(process.execPath, [join(bin, 'evident.js'), '--help'], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(run.stderr).toBe('Evident is not built yet: run npm install (or npm run build) first.\n')
  })
})
