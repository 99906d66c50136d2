import { describe, expect, test } from 'vitest'
import { assembleText } from '../../electron/core/sources/assemble'
import { extractDocument } from '../../electron/core/sources/extract'
import { makePdf } from '../fixtures/make-pdf'

const article = () =>
  makePdf([
    [
      'Chronic underfunding is partly to blame.^{2} The structure of',
      'the service was set by the Wanless Report^{5} and its successors.',
      'Practices reported by code tal197 and level2 returned',
      'in the Report 5 predicted range, as the annex shows.^{3,4}',
    ],
  ])

async function imported(bytes: Uint8Array) {
  const document = await extractDocument('article.pdf', bytes)
  return assembleText(document.blocks, document.markersFromLayout)
}

describe('note markers in a PDF are where the glyphs are raised and smaller', () => {
  test('raised, smaller digits are markers; the same digits in body size are ordinary text', async () => {
    const { text, noteMarkers } = await imported(article())
    expect(noteMarkers.map((marker) => marker.label)).toEqual(['2', '5', '3,4'])
    expect(noteMarkers.map((marker) => text.slice(marker.start, marker.end))).toEqual(['2', '5', '3,4'])
    // The digits stay in the text where they were, so a quote reads as on the page.
    expect(text).toContain('partly to blame.2 The structure')
    expect(text).toContain('code tal197 and level2 returned in the Report 5 predicted range')
  })

  test('a marker at the end of a sentence still ends it: the paragraph breaks as it would without one', async () => {
    const bytes = makePdf([['A short closing sentence.^{7}', 'A new paragraph starts here and runs on for a while', 'until it ends.']])
    const { paragraphs, noteMarkers } = await imported(bytes)
    expect(paragraphs.map((p) => p.text)).toEqual(['A short closing sentence.7', 'A new paragraph starts here and runs on for a while until it ends.'])
    expect(noteMarkers).toEqual([{ start: 25, end: 26, label: '7' }])
  })

  test('raised digits straight after a number are a power, not a note: "10^6 people" stays as written', async () => {
    const { text, noteMarkers } = await imported(makePdf([['About 10^{6} people were registered with the practices.^{8}']]))
    expect(text).toBe('About 106 people were registered with the practices.8')
    expect(noteMarkers.map((marker) => marker.label)).toEqual(['8'])
  })

  test('bracketed markers, which a PDF sets in body size, are still found', async () => {
    const { noteMarkers } = await imported(makePdf([['Practices merged in large numbers[12] after 2015.']]))
    expect(noteMarkers.map((marker) => marker.label)).toEqual(['12'])
  })
})
