import { describe, expect, it } from 'vitest'
import { compact } from '../../renderer/src/features/original/compact'
import { locateQuote, locateSelection } from '../../renderer/src/features/original/locate'

const page = (text: string) => ({ c: compact(text), text })

describe('finding a claim’s words on a PDF page and a page selection in the clean text', () => {
  it('finds a quote on the page whatever the line breaks, hyphenation and ligatures', () => {
    const p = page('Integrated care is the ﬁrst prior-\nity of the   board, said the chair.')
    const span = locateQuote(p.c, p.text, { exact: 'first priority of the board', prefix: 'Integrated care is the ', suffix: ', said' })
    expect(p.text.slice(span!.start, span!.end)).toBe('ﬁrst prior-\nity of the   board')
  })

  it('picks the repeat its prefix and suffix name', () => {
    const p = page('the cost rose. Later the cost fell sharply.')
    const span = locateQuote(p.c, p.text, { exact: 'the cost', prefix: 'Later ', suffix: ' fell' })
    expect(span!.start).toBe(p.text.indexOf('the cost fell'))
  })

  it('marks the part of a quote that runs onto the next page', () => {
    const quote = 'General practice is under pressure as never before, and the workforce is shrinking each year'
    const first = page('Header line. General practice is under pressure as never before,')
    const second = page('Running head 12 and the workforce is shrinking each year. More text.')
    const a = locateQuote(first.c, first.text, { exact: quote, prefix: '', suffix: '' })
    expect(first.text.slice(a!.start, a!.end)).toBe('General practice is under pressure as never before,')
    const b = locateQuote(second.c, second.text, { exact: quote, prefix: '', suffix: '' })
    expect(second.text.slice(b!.end - 'shrinking each year'.length, b!.end)).toBe('shrinking each year')
  })

  it('says a quote is not on a page rather than guessing', () => {
    const p = page('Nothing here about it.')
    expect(locateQuote(p.c, p.text, { exact: 'hospital trusts', prefix: '', suffix: '' })).toBeNull()
  })

  it('maps a selection on the page to the clean text, preferring this page’s paragraphs', () => {
    const clean = 'Page one says the trust runs GP surgeries.\n\nPage two: the trust runs GP surgeries in the north.'
    const c = compact(clean)
    const near = { start: clean.indexOf('Page two'), end: clean.length }
    const span = locateSelection(c, clean, 'the trust runs\nGP sur-\ngeries', 'Page two: ', near)
    expect(span).toEqual({ start: clean.indexOf('the trust runs GP surgeries in'), end: clean.indexOf(' in the north') })
    expect(locateSelection(c, clean, 'not in the text at all', '', near)).toBeNull()
  })
})
