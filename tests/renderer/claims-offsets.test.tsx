// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { buildTextIndex, paragraphNumberAt, rangeToSpan, spanToRange } from '../../renderer/src/ui/source-offsets'

// The source text as the core stores it: paragraphs joined by a blank line, with a note marker "1".
const TITLE = 'Who should run general practice?'
const BODY = 'Trusts say ‘integration works.’ 1 Partners disagree strongly.'
const TEXT = `${TITLE}\n\n${BODY}`
const P2 = TITLE.length + 2
const MARKER = P2 + BODY.indexOf(' 1 ') + 1

/** The reader's DOM: a paragraph div with an aria-hidden margin, then text runs each with data-start. */
function readerDom(): HTMLElement {
  const seg = (start: number, end: number, tag = 'span') => `<${tag} data-seg="" data-start="${start}">${TEXT.slice(start, end)}</${tag}>`
  document.body.innerHTML = `
    <article id="reader">
      <div class="para" id="p-1" data-paragraph="1" data-start="0"><span class="para-margin" aria-hidden="true"><span>¶ 1</span></span><h2 class="para-text" data-start="0">${seg(0, TITLE.length)}</h2></div>
      <div class="para" id="p-2" data-paragraph="2" data-start="${P2}"><span class="para-margin" aria-hidden="true"><span>¶ 2</span><span>p. 7</span></span><p class="para-text" data-start="${P2}">${seg(P2, MARKER)}${seg(MARKER, MARKER + 1, 'sup')}${seg(MARKER + 1, TEXT.length)}</p></div>
    </article>`
  return document.getElementById('reader')!
}

function textNodeWith(container: Element, needle: string): Text {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent?.includes(needle)) return n as Text
  throw new Error(`no text node with ${needle}`)
}

function rangeOver(container: Element, from: string, to: string): Range {
  const a = textNodeWith(container, from)
  const b = textNodeWith(container, to)
  const range = document.createRange()
  range.setStart(a, a.data.indexOf(from))
  range.setEnd(b, b.data.indexOf(to) + to.length)
  return range
}

/** The source text the reader's selection from `from` to `to` maps to. */
function selectedSourceText(from: string, to: string): string {
  const reader = readerDom()
  const span = rangeToSpan(reader, rangeOver(reader, from, to))!
  return TEXT.slice(span.start, span.end)
}

describe('mapping a reader selection to source-text offsets', () => {
  it('maps a selection inside one run of text to its exact offsets', () => {
    expect(selectedSourceText('Partners', 'strongly')).toBe('Partners disagree strongly')
  })

  it('counts the note-marker superscript as part of the text when a selection crosses it', () => {
    expect(selectedSourceText('integration', 'Partners')).toBe('integration works.’ 1 Partners')
  })

  it('never counts the aria-hidden “¶ 2” margin as source text', () => {
    const reader = readerDom()
    const para = document.getElementById('p-2')!
    const range = document.createRange()
    // From before the margin (the paragraph element itself) to the end of the first run.
    range.setStart(para, 0)
    const first = textNodeWith(reader, 'Trusts')
    range.setEnd(first, first.length)
    const span = rangeToSpan(reader, range)!
    expect(span.start).toBe(P2)
    expect(TEXT.slice(span.start, span.end)).toBe('Trusts say ‘integration works.’ ')
  })

  it('maps a selection across paragraphs to a span that includes the blank line between them', () => {
    expect(selectedSourceText('practice?', 'Trusts')).toBe('practice?\n\nTrusts')
  })

  it('pulls a selection that starts on the container inward to the first paragraph', () => {
    const reader = readerDom()
    const range = document.createRange()
    range.setStart(reader, 0)
    const node = textNodeWith(reader, 'Who')
    range.setEnd(node, 3)
    expect(rangeToSpan(reader, range)).toEqual({ start: 0, end: 3 })
  })

  it('ignores a selection entirely outside the reader', () => {
    const reader = readerDom()
    const outside = document.createElement('p')
    outside.textContent = 'Elsewhere'
    document.body.appendChild(outside)
    const range = document.createRange()
    range.selectNodeContents(outside)
    expect(rangeToSpan(reader, range)).toBeNull()
  })

  it('finds the paragraph number of a selection from the reader’s p-<n> ids', () => {
    const reader = readerDom()
    expect(paragraphNumberAt(reader, textNodeWith(reader, 'Partners'))).toBe(2)
  })

  it('turns a claim’s offsets back into a DOM range with the same text, across the superscript', () => {
    const reader = readerDom()
    const start = TEXT.indexOf('works')
    const end = TEXT.indexOf('disagree') + 'disagree'.length
    const range = spanToRange(buildTextIndex(reader), { start, end })!
    expect(range.toString()).toBe(TEXT.slice(start, end))
  })

  it('gives no range for a span the reader has not rendered', () => {
    const reader = readerDom()
    expect(spanToRange(buildTextIndex(reader), { start: TEXT.length + 10, end: TEXT.length + 20 })).toBeNull()
  })
})
