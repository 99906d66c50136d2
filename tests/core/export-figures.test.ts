import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FigureRepository } from '../../electron/core/briefs/figures'
import { bitmapPicture } from '../../electron/core/briefs/figure-picture'
import { paragraph } from '../../electron/core/briefs/nodes'
import { exportBriefToDocx } from '../../electron/core/export/export-docx'
import type { SerializedFigureNode, SerializedLexicalNode } from '@shared/dto/brief-nodes'
import { readDocxFigures } from '../helpers/docx-figures'
import { editBrief, useExportFixture } from '../helpers/export-fixture'
import { FIXTURES_DIR } from '../helpers/temp'

const CHART = readFileSync(join(FIXTURES_DIR, 'figures', 'bar-chart.png'))
const PHOTO = readFileSync(join(FIXTURES_DIR, 'figures', 'waiting-room.jpg'))

const figureNode = (figureId: string, altText: string, caption: string): SerializedLexicalNode & SerializedFigureNode => ({ type: 'figure', version: 1, figureId, altText, caption })

describe('figures exported to Word', () => {
  const exports = useExportFixture('evident-figures-', (fixture) => {
    const figures = new FigureRepository(fixture.session.db)
    const chart = figures.add('bar-chart.png', bitmapPicture('bar-chart.png', CHART)).figure
    const photo = figures.add('waiting-room.jpg', bitmapPicture('waiting-room.jpg', PHOTO)).figure
    editBrief(fixture, (root) =>
      root.children!.splice(
        3,
        0,
        figureNode(chart.id, 'Bar chart: the share of GP practices in integrated care rose each year, from about 20% in 2019 to 90% in 2022.', 'GP practices in integrated care, 2019–2022'),
        paragraph('Between the figures.'),
        figureNode(photo.id, 'A gradient of blues, standing in for a photograph of a waiting room.', ''),
      ),
    )
  })

  it('each figure is an inline picture with its alt text in docPr descr, then a numbered Caption with a SEQ Figure field', async () => {
    const path = exports.out('figures.docx')
    const result = await exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path, style: 'vancouver', notes: 'footnotes' })
    expect(result.report.accessibility.filter((i) => i.rule === 'figure-alt')).toEqual([])
    const { pictures, captions } = readDocxFigures(path)
    expect(pictures.map((p) => [p.descr, p.name, p.contentType])).toEqual([
      ['Bar chart: the share of GP practices in integrated care rose each year, from about 20% in 2019 to 90% in 2022.', 'Figure 1', 'image/png'],
      ['A gradient of blues, standing in for a photograph of a waiting room.', 'Figure 2', 'image/jpeg'],
    ])
    // 640 × 360 px is wider than the text column (627 px at 96 to the inch): scaled to fit, shape kept (9525 EMU to the pixel).
    expect([pictures[0]!.widthEmu, pictures[0]!.heightEmu]).toEqual([627 * 9525, 353 * 9525])
    // 320 × 200 px fits: kept at its own size, never enlarged.
    expect([pictures[1]!.widthEmu, pictures[1]!.heightEmu]).toEqual([320 * 9525, 200 * 9525])
    expect(captions).toEqual([
      { style: 'Caption', text: 'Figure 1: GP practices in integrated care, 2019–2022', fields: ['SEQ Figure \\* ARABIC'] },
      { style: 'Caption', text: 'Figure 2', fields: ['SEQ Figure \\* ARABIC'] },
    ])
  })

  it('LibreOffice opens the file and prints the captions under the pictures', async () => {
    const path = exports.out('figures-lo.docx')
    await exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path, style: 'vancouver', notes: 'footnotes' })
    execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${exports.dir()}/lo-profile`, '--convert-to', 'pdf', '--outdir', exports.dir(), path], { stdio: 'ignore', timeout: 120_000 })
    const text = execFileSync('pdftotext', ['-layout', exports.out('figures-lo.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toMatch(/Figure 1: GP practices in integrated care, 2019–2022/)
    expect(text).toMatch(/Figure 2\b/)
    // The chart's own words are in the picture, not in the text: pdftotext finds no "2019" from it.
    expect(text).not.toMatch(/GP practices in integrated care \(%\)/)
  }, 150_000)

  it('a figure without alt text stops the export (NOT_ACCESSIBLE) and nothing is written; Export anyway writes it', async () => {
    editBrief(exports.fixture(), (root) => void (root.children!.find((n) => n.type === 'figure')!.altText = '   '))
    const path = exports.out('no-alt.docx')
    await expect(exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path })).rejects.toMatchObject({
      code: 'NOT_ACCESSIBLE',
      message: expect.stringContaining('A figure has no alt text'),
    })
    expect(existsSync(path)).toBe(false)
    await exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path, force: true })
    // Exported anyway: the picture goes in with no descr at all, which Word's accessibility checker then flags too.
    expect(readDocxFigures(path).pictures[0]!.descr).toBeNull()
  })

  it('a figure whose picture is not in the project keeps its place, caption and alt text, saying so', async () => {
    editBrief(exports.fixture(), (root) => void root.children!.splice(3, 0, figureNode('fromelsewhere', 'A map of integrated care systems.', 'Where the systems are')))
    const path = exports.out('missing.docx')
    await exportBriefToDocx(exports.ctx(), { briefId: exports.fixture().briefId, outPath: path, force: true })
    const text = execFileSync('pandoc', ['-t', 'plain', '--wrap=none', path], { encoding: 'utf8' })
    expect(text).toContain('[Figure 1: the picture is not in this project. It shows: A map of integrated care systems.]')
    expect(readDocxFigures(path).captions[0]!.text).toBe('Figure 1: Where the systems are')
  })
})
