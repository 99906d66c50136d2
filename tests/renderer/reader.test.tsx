// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SourceDetail } from '@shared/dto/sources'
import { findMatches } from '../../renderer/src/features/reader/find-matches'
import { Paragraphs } from '../../renderer/src/features/reader/Paragraphs'
import { buildTextIndex, rangeToSpan, spanToRange } from '../../renderer/src/ui/source-offsets'

afterEach(cleanup)

const heading = 'Crisis in general praCtiCe'
const body = 'GP vacancies were at a low level2 and morale was relatively high.3'
const text = `${heading}\n\n${body}`
const bodyStart = heading.length + 2
const marker = (label: string) => {
  const start = bodyStart + body.indexOf(label === '2' ? 'level2' : 'high.3') + (label === '2' ? 5 : 5)
  return { start, end: start + 1, label }
}

const detail: SourceDetail = {
  id: 's1',
  title: 'Editorial',
  authors: 'Jones R',
  year: '2014',
  type: 'article-journal',
  format: 'pdf',
  fileName: 'editorial.pdf',
  paragraphCount: 2,
  claimCount: 0,
  importedAt: '2024-01-01T00:00:00Z',
  provenance: {},
  referenceOnly: false,
  csl: { id: 's1', type: 'article-journal' },
  text,
  paragraphs: [
    { number: 1, kind: 'heading', text: heading, start: 0, end: heading.length, page: '3' },
    { number: 2, kind: 'paragraph', text: body, start: bodyStart, end: text.length, page: '4' },
  ],
  noteMarkers: [marker('2'), marker('3')],
  sha256: '',
  byteSize: 0,
  mime: 'application/pdf',
}

describe('the reader', () => {
  it('numbers paragraphs in the margin, shows PDF pages and names note markers', () => {
    const { container } = render(<Paragraphs detail={detail} marks={[]} />)
    const p2 = container.querySelector<HTMLElement>('#p-2')!
    expect(p2.dataset.paragraph).toBe('2')
    expect(p2.dataset.start).toBe(String(bodyStart))
    const margin = p2.querySelector('.para-margin')!
    expect(margin.getAttribute('aria-hidden')).toBe('true')
    expect(margin.textContent).toBe('¶ 2p. 4')
    expect(container.querySelector('h2')!.textContent).toBe(heading)
    const notes = Array.from(container.querySelectorAll('sup.note-marker'))
    expect(notes.map((n) => [n.textContent, n.getAttribute('title')])).toEqual([
      ['2', 'Note 2'],
      ['3', 'Note 3'],
    ])
    // The text itself is the source text, in order, with nothing added.
    expect(p2.querySelector('.para-text')!.textContent).toBe(body)
  })

  it('maps a DOM selection back to offsets in the source text, across a note marker', () => {
    const { container } = render(<Paragraphs detail={detail} marks={[]} />)
    const start = text.indexOf('low level2')
    const end = text.indexOf(' and morale') + ' and morale'.length
    const range = spanToRange(buildTextIndex(container), { start, end })!
    expect(range.toString()).toBe('low level2 and morale')
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    expect(rangeToSpan(container, selection.getRangeAt(0))).toEqual({ start, end })
  })

  it('finds every match inside paragraphs, ignoring case', () => {
    const matches = findMatches(detail, 'GENERAL')
    expect(matches).toEqual([{ start: heading.indexOf('general'), end: heading.indexOf('general') + 7 }])
    expect(findMatches(detail, 'e')).toHaveLength((text.match(/e/gi) ?? []).length)
    expect(findMatches(detail, '   ')).toEqual([])
  })

  it('renders find marks as <mark> without changing the text, where the Highlight API is missing', () => {
    const start = text.indexOf('morale')
    const { container } = render(<Paragraphs detail={detail} marks={[{ start, end: start + 6, current: true }]} />)
    const mark = container.querySelector('mark.find-current')!
    expect(mark.textContent).toBe('morale')
    expect(container.querySelector('#p-2 .para-text')!.textContent).toBe(body)
  })
})
