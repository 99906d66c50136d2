import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app/core'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import { linkTarget } from '../../electron/core/export/link-target'
import { TEMP_FILE_PATTERN, TempJournal } from '../../electron/core/export/temp-journal'
import { tempFileName } from '../../electron/core/export/write'
import { inProcessParser } from '../../electron/core/sources/parse/parser'
import type { SerializedLexicalNode } from '@shared/dto/brief-nodes'
import { RESOURCES_DIR } from '../fixtures/brief-fixture'
import { pandocView, readDocx } from '../fixtures/docx-inspect'
import { createExportFixture, type ExportFixture } from '../fixtures/export-fixture'

const TRICKY = 'https://example.org/reports/GP workforce "2024"/Über?q=a b&lang=cy#part 2#table'

function* walk(node: SerializedLexicalNode): Generator<SerializedLexicalNode> {
  yield node
  for (const child of node.children ?? []) yield* walk(child)
}

describe('files: long names, temporary files, and where links lead', () => {
  let fixture: ExportFixture
  beforeEach(async () => {
    fixture = await createExportFixture('evident-files-')
  })
  afterEach(() => fixture.cleanup())

  it('a file name up to the platform’s limit (255 bytes) exports, and no temporary file is left', async () => {
    // 251 bytes of name + ".docx": the old temporary name (name + 18 bytes) failed from 237.
    for (const name of [`${'b'.repeat(250)}.docx`, `${'é'.repeat(125)}.docx`]) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255)
      const path = join(fixture.out, name)
      const result = await exportBriefToDocx(fixture.ctx, { briefId: fixture.briefId, outPath: path })
      expect(result.path).toBe(path)
      expect(existsSync(path)).toBe(true)
    }
    expect(readdirSync(fixture.out).filter((n) => n.startsWith('.'))).toEqual([])
    expect(Buffer.byteLength(tempFileName())).toBe(32)
    expect(tempFileName()).toMatch(TEMP_FILE_PATTERN)
  })

  it('link targets are percent-encoded: spaces, quotes, non-ASCII and a second # open where the analyst meant', async () => {
    const row = fixture.session.db.prepare('SELECT content FROM briefs WHERE id = ?').get(fixture.briefId) as { content: string }
    const content = JSON.parse(row.content) as { editorState: { root: SerializedLexicalNode } }
    const link = [...walk(content.editorState.root)].find((n) => n.type === 'link' && String(n.url).startsWith('https://www.england.nhs.uk'))!
    link.url = TRICKY
    fixture.session.db.prepare('UPDATE briefs SET content = ? WHERE id = ?').run(JSON.stringify(content), fixture.briefId)

    const path = join(fixture.out, 'links.docx')
    await exportBriefToDocx(fixture.ctx, { briefId: fixture.briefId, outPath: path, notes: 'footnotes', includeQuotes: true })
    const expected = 'https://example.org/reports/GP%20workforce%20%222024%22/%C3%9Cber?q=a%20b&lang=cy#part%202%23table'
    const { externalLinks } = await readDocx(path)
    expect(externalLinks).toContain(expected)
    for (const target of externalLinks) expect(target).toMatch(/^(https?:|mailto:)[\x21-\x7e]+$/)
    expect(pandocView(path).links).toContain(expected)
  })

  it('linkTarget keeps what is already encoded, text fragments, mailto and hosts in IDNA', () => {
    expect(linkTarget('https://example.org/a%20b?x=%C3%A9')).toBe('https://example.org/a%20b?x=%C3%A9')
    expect(linkTarget('https://example.org/p#:~:text=GP%20numbers,fell')).toBe('https://example.org/p#:~:text=GP%20numbers,fell')
    expect(linkTarget('https://bücher.example/ä')).toBe('https://xn--bcher-kva.example/%C3%A4')
    expect(linkTarget(' mailto:gp office@example.org ')).toBe('mailto:gp%20office@example.org')
  })
})

describe('a temporary file left by a killed export is removed on the next start', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'evident-journal-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('only Evident’s own, recognisably named temporary files of exports whose process is gone', async () => {
    const userData = join(dir, 'user-data')
    const out = join(dir, 'out')
    execFileSync('mkdir', ['-p', userData, out])
    // A process that has ended: its pid is free (a killed export looks the same to the next start).
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    const deadPid = Number(gone.stdout)
    const leftover = join(out, '.evident-export-0123456789ab.tmp')
    const inFlight = join(out, '.evident-export-ba9876543210.tmp')
    const notOurs = join(out, 'Brief.docx')
    for (const file of [leftover, inFlight, notOurs]) writeFileSync(file, 'bytes')
    const live = spawn('sleep', ['30'], { stdio: 'ignore' }) // another Evident, still exporting
    writeFileSync(
      join(userData, 'export-temp-files.json'),
      JSON.stringify([
        { path: leftover, pid: deadPid },
        { path: inFlight, pid: live.pid! },
        { path: notOurs, pid: deadPid },
      ]),
    )
    const core = await createCore({ userDataDir: userData, resourcesDir: RESOURCES_DIR, parser: inProcessParser })
    try {
      expect(existsSync(leftover)).toBe(false)
      expect(existsSync(inFlight)).toBe(true) // another Evident is still writing it
      expect(existsSync(notOurs)).toBe(true) // never anything that is not ours
      expect(new TempJournal(userData).sweep()).toBe(0)
    } finally {
      core.close()
      live.kill()
    }
  })
})
