import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { Block } from '../../electron/core/sources/extracted'
import { joinLines } from '../../electron/core/sources/line-text'
import { linesToBlocks, normaliseText } from '../../electron/core/sources/normalise'

const corpus = join(__dirname, '../../resources/corpus')
const starter = (prefix: string) => {
  const file = readdirSync(corpus).find((name) => name.startsWith(prefix) && name.endsWith('.txt'))!
  return normaliseText(readFileSync(join(corpus, file), 'utf8'))
}
const texts = (blocks: Block[]) => blocks.map((block) => block.text)
const headings = (blocks: Block[]) => blocks.filter((block) => block.kind === 'heading').map((block) => block.text)
const paragraphWith = (blocks: Block[], words: string) => blocks.find((block) => block.text.includes(words))

describe('the starter texts become clean paragraphs', () => {
  test.each(['000', '001', '002', '003', '004'])('text %s has no newlines, double spaces or stray whitespace', (prefix) => {
    const blocks = starter(prefix)
    expect(blocks.length).toBeGreaterThan(5)
    for (const text of texts(blocks)) {
      expect(text).not.toMatch(/\n|\r|\t| {2}/)
      expect(text).toBe(text.trim())
      expect(text.length).toBeGreaterThan(0)
    }
  })

  test('the Berwick quote in the BJGP editorial is one paragraph ending with its note marker', () => {
    const blocks = starter('000')
    const quote = paragraphWith(blocks, 'Reinvest in general practice')!
    expect(quote.kind).toBe('paragraph')
    expect(quote.text).toMatch(/^‘Reinvest in general practice and primary care — these, not hospital care/)
    expect(quote.text).toMatch(/General practice is the jewel in the crown of the NHS\. Save it\. Build it\.’ 1$/)
  })

  test('the small-caps headings of the column texts are headings, left as they are', () => {
    expect(headings(starter('000'))).toEqual([
      'Crisis in general praCtiCe',
      'nHs problems',
      'How to move on?',
      'integration of training and serviCes',
      'integration: of a sort',
      'major CHanges',
    ])
    expect(headings(starter('001'))).toEqual([
      'breaking boundaries beTWeen primary care and paTienTs and The public',
      'breaking boundaries in The healThcare sysTem',
    ])
  })

  test('a paragraph split by a column break is joined again', () => {
    const blocks = starter('000')
    expect(paragraphWith(blocks, 'proportion of undergraduate curricula now being taught in general practice')).toBeDefined()
    expect(paragraphWith(blocks, 'Some elements of the Lansley reforms have made things even worse.')).toBeDefined()
    expect(paragraphWith(blocks, 'rearranging the deckchairs and renaming the foundering vessel')).toBeDefined()
    expect(paragraphWith(starter('001'), 'the Medical Director of the Commissioning Board. This person would then lead')).toBeDefined()
  })

  test('hyphens at line ends are undone only where they were typesetting', () => {
    const all = texts(starter('001')).join(' ')
    expect(all).toContain('this local population-based provider approach')
    expect(all).toContain('social marketing of out-of-hours services')
    expect(texts(starter('000')).join(' ')).toContain('increased, and generally well-funded, proportion')
  })

  test('a saved web page keeps one paragraph per line, with its title as a heading', () => {
    const blocks = starter('002')
    expect(headings(blocks)).toContain('GPs risk being devoured by hospital trusts')
    const opening = paragraphWith(blocks, 'With fewer doctors choosing general practice')!
    expect(opening.kind).toBe('paragraph')
    expect(opening.text.endsWith('professional self-esteem and confidence.')).toBe(true)
    expect(paragraphWith(blocks, 'Dr Michelle Drage is chief executive of Londonwide LMCs.')?.kind).toBe('paragraph')
  })

  test('an article saved with one paragraph per line and no blank lines keeps its paragraphs', () => {
    const blocks = starter('004')
    expect(blocks).toHaveLength(14)
    expect(blocks[4]!.text).toBe('The NHS Long Term Plan proudly states as its number one action in chapter one:')
    expect(blocks[4]!.kind).toBe('paragraph')
  })
})

describe('line joining', () => {
  test('a word broken across lines loses its hyphen', () => {
    expect(joinLines(['the organi-', 'sation of care'])).toBe('the organisation of care')
  })

  test('real compounds keep their hyphen', () => {
    expect(joinLines(['more cost-', 'effective care'])).toBe('more cost-effective care')
    expect(joinLines(['a community-', 'based service'])).toBe('a community-based service')
    expect(joinLines(['out-of-', 'hours care'])).toBe('out-of-hours care')
    expect(joinLines(['non-', 'UK graduates'])).toBe('non-UK graduates')
  })

  test('spaces are single and trailing whitespace is gone', () => {
    expect(joinLines(['  the  wider \t', ' public\u00a0good  '])).toBe('the wider public good')
  })
})

describe('headings and page furniture', () => {
  test('a short line standing alone without final punctuation is a heading', () => {
    const blocks = normaliseText('Background\n\nThe problem is long-standing and well documented across the region.\n')
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Background' },
      { kind: 'paragraph', text: 'The problem is long-standing and well documented across the region.' },
    ])
  })

  test('a list after a colon splits into items, but a dash inside a wrapped sentence does not', () => {
    const text = [
      'The independent contractor model still provides the best way',
      '- but only if we actively start to reclaim and reshape it. The',
      'salaried alternative offers:',
      '- a job plan',
      '- set hours and study leave',
    ].join('\n')
    expect(texts(normaliseText(text))).toEqual([
      'The independent contractor model still provides the best way - but only if we actively start to reclaim and reshape it. The salaried alternative offers:',
      '- a job plan',
      '- set hours and study leave',
    ])
  })

  test('an indented first line starts a new paragraph in text without blank lines', () => {
    const text = [
      '  Hospitals do not know how to do this, so it makes no sense for',
      'them to manage or operate these services in the community.',
      '  Care should be seamless, navigated and coordinated by GPs, with',
      'good communication across the boundary with hospitals.',
    ].join('\n')
    expect(normaliseText(text)).toHaveLength(2)
  })

  test('bare page numbers standing alone are dropped', () => {
    const blocks = normaliseText('First paragraph of the report.\n\n12\n\nSecond paragraph of the report.\n')
    expect(texts(blocks)).toEqual(['First paragraph of the report.', 'Second paragraph of the report.'])
  })

  test('a paragraph runs on across a page break that falls mid-sentence, and keeps its first page', () => {
    const blocks = linesToBlocks(
      [
        { text: 'The structure of the NHS as we know it was an', page: 'iv', pageStart: true },
        { text: 'accident of history: a healthcare system created', page: 'iv' },
        { text: 'when little was known about healthcare systems', page: '5', pageStart: true },
        { text: 'and their design.', page: '5' },
        { text: 'A new paragraph starts on this page and runs on', page: '6', pageStart: true },
      ],
      { wrapped: true },
    )
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      page: 'iv',
      text: 'The structure of the NHS as we know it was an accident of history: a healthcare system created when little was known about healthcare systems and their design.',
    })
    expect(blocks[1]).toMatchObject({ page: '6', text: 'A new paragraph starts on this page and runs on' })
  })
})

describe('very long texts become paragraphs', () => {
  test('a file of one sentence per line and no blank lines keeps one paragraph per line', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Entry ${i} of the export records one visit to the practice.`)
    const blocks = normaliseText(lines.join('\n'))
    expect(blocks).toHaveLength(20_000)
    expect(blocks[12_345]).toEqual({ kind: 'paragraph', text: lines[12_345] })
  })

  test('wrapped prose with no blank line for thousands of lines is cut into paragraphs at sentence ends', () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => (i % 9 === 8 ? 'and so the sentence ends here.' : `the wrapped line ${i} runs on into the next`))
    const blocks = normaliseText(lines.join('\n'))
    expect(blocks.length).toBeGreaterThan(10)
    for (const block of blocks) {
      expect(block.text.length).toBeLessThan(6_000)
      expect(block.text.endsWith('and so the sentence ends here.') || block === blocks.at(-1)).toBe(true)
    }
    expect(blocks.map((block) => block.text).join(' ')).toBe(lines.join(' '))
  })

  test('text with no sentence end at all is still cut, at a line end, once a paragraph passes 50,000 characters', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `column ${i} value ${i * 7} and more`)
    const blocks = normaliseText(lines.join('\n'))
    expect(blocks.length).toBeGreaterThan(3)
    expect(Math.max(...blocks.map((block) => block.text.length))).toBeLessThan(51_000)
    expect(blocks.map((block) => block.text).join(' ')).toBe(lines.join(' '))
  })

  test('hyphenation across lines is still undone in a paragraph of many lines', () => {
    const lines = Array.from({ length: 2_000 }, () => ['the integra-', 'tion of care is a well-', 'funded aim']).flat()
    expect(joinLines(lines)).toBe(Array.from({ length: 2_000 }, () => 'the integration of care is a well-funded aim').join(' '))
    expect(joinLines(['the integra-', 'tion of', 'care, well-', 'funded'])).toBe('the integration of care, well-funded')
  })

  test('a line of 50 million characters is cleaned without overflowing the pattern engine', () => {
    const line = 'word '.repeat(10_000_000).trim()
    expect(joinLines([line])).toHaveLength(line.length)
  })
})
