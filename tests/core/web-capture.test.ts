import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractDocument } from '../../electron/core/sources/extract'
import { trimWebCapture } from '../../electron/core/sources/web-capture'
import { RESOURCES_DIR } from '../helpers/temp'

const corpus = join(RESOURCES_DIR, 'corpus')
const file = (prefix: string) => readdirSync(corpus).find((f) => f.startsWith(prefix))!

async function starter(prefix: string, title: string) {
  const name = file(prefix)
  const document = await extractDocument(name, new Uint8Array(readFileSync(join(corpus, name))), { titleHint: title })
  return document.blocks.map((b) => b.text)
}

describe('a saved web page is cut to the article', () => {
  it('drops the Pulse site banner before the title and the ratings and readers’ comments after it', async () => {
    const texts = await starter('002_', 'GPs risk being devoured by hospital trusts')
    expect(texts[0]).toBe('GPs risk being devoured by hospital trusts')
    expect(texts.join('\n')).not.toMatch(/This site is intended for health professionals only|Read the latest issue online/)
    expect(texts.join('\n')).not.toMatch(/Readers' comments|Vinci Ho|Report this comment|stars out of 5/)
    expect(texts.at(-1)).toBe('Dr Michelle Drage is chief executive of Londonwide LMCs.')
  })

  it('drops the BMJ log-in prompts after the article', async () => {
    const texts = await starter('003_', 'Hospitals could run general practice services in underserved areas')
    expect(texts.join('\n')).not.toMatch(/Log in through your institution|For online subscription/)
    expect(texts.join('\n')).toContain('Simon Stevens')
  })

  it('drops the blog’s repeated paragraphs and its empty comments footer', async () => {
    const texts = await starter('004_', 'Is Nationalisation of General Practice Inevitable?')
    expect(new Set(texts).size).toBe(texts.length)
    expect(texts.at(-1)).not.toBe('No Comments')
  })

  it('keeps an article whose words only look like a marker early on', () => {
    const blocks = ['Log in to the debate: a title', 'First paragraph of the article, long enough to matter here.', 'Second.'].map((text) => ({
      kind: 'paragraph' as const,
      text,
    }))
    expect(trimWebCapture(blocks)).toHaveLength(3)
  })
})
