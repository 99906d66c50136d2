import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SourceSummary } from '@shared/dto/sources'
import { makePdf } from '../fixtures/make-pdf'

// As a person types it: a real `evident` process (bin/evident.js over the build), not the in-process runner,
// so the document readers it starts must keep the command alive until the batch is done, and let it end after.
const BIN = resolve(__dirname, '../../bin/evident.js')
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evident-cli-process-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function evidentIn(cwd: string, ...argv: string[]) {
  return spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config') } })
}
const evident = (...argv: string[]) => evidentIn(process.cwd(), ...argv)

describe('importing from the command line, as its own process', () => {
  it('reads a note and a PDF through the document readers, reports one that fails, and exits when done', () => {
    const project = join(dir, 'Brief.evident')
    expect(evident('new', '--project', project).status).toBe(0)
    writeFileSync(join(dir, 'note.txt'), 'A note\n\nGeneral practice needs more partners.')
    writeFileSync(join(dir, 'report.pdf'), makePdf([['On access', '', 'What the partners said about access.']]))
    writeFileSync(join(dir, 'empty.txt'), '')
    const started = Date.now()
    const imported = evident('import', '--project', project, join(dir, 'note.txt'), join(dir, 'report.pdf'), join(dir, 'empty.txt'), '--json')
    expect(Date.now() - started).toBeLessThan(30_000)
    // One file failed, so the command exits 1 (after importing the others), as every failing command does.
    expect(imported.status).toBe(1)
    const summary = JSON.parse(imported.stdout) as { imported: { fileName: string }[]; failed: { fileName: string; code: string }[] }
    expect(summary.imported.map((i) => i.fileName)).toEqual(['note.txt', 'report.pdf'])
    expect(summary.failed).toEqual([expect.objectContaining({ fileName: 'empty.txt', code: 'EMPTY_FILE' })])
    const sources = JSON.parse(evident('sources', '--project', project, '--json').stdout) as SourceSummary[]
    expect(sources.map((s) => s.fileName).sort()).toEqual(['note.txt', 'report.pdf'])
  })
})

describe('exporting from the command line, as its own process', () => {
  it('refuses to replace an existing .docx unless told --overwrite, and resolves a relative --out against the folder it is run in', () => {
    const project = join(dir, 'Brief.evident')
    expect(evidentIn(dir, 'new', '--project', project, '--starter').status).toBe(0)
    const args = ['export', '--project', project, '--brief', 'Should hospital trusts run general practice?', '--out', 'brief.docx']
    const first = evidentIn(dir, ...args)
    expect(first.status).toBe(0)
    expect(first.stdout).toContain(join(dir, 'brief.docx'))
    const before = readFileSync(join(dir, 'brief.docx'))
    const again = evidentIn(dir, ...args)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain(`“brief.docx” already exists in “${dir}”. Add --overwrite to replace it, or choose another --out.`)
    expect(readFileSync(join(dir, 'brief.docx')).equals(before)).toBe(true)
    expect(evidentIn(dir, ...args, '--overwrite').status).toBe(0)
  })
})
