import { describe, expect, it } from 'vitest'
import { buildAnchor } from '../../electron/core/claims/anchor'
import { classifyQuotes } from '../../electron/core/claims/quote-fate'
import { wordDiff } from '../../electron/core/claims/word-diff'

const PAGE = [
  'GP vacancies were at a low level and morale was relatively high.',
  'Spending on general practice rose by 2.1 per cent a year in real terms.',
  'Economies of scale achieved by more centralised management could free up resources.',
].join('\n\n')

function cite(text: string, quote: string) {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`test setup: “${quote}” is not in the text`)
  return buildAnchor(text, [], start, start + quote.length)
}

describe('what became of each cited quote when its source’s text is read again', () => {
  const morale = cite(PAGE, 'morale was relatively high')
  const spending = cite(PAGE, 'Spending on general practice rose by 2.1 per cent a year')
  const scale = cite(PAGE, 'Economies of scale achieved by more centralised management')

  it('calls a quote unchanged when the page is the same', () => {
    expect(classifyQuotes([morale, spending, scale], PAGE, PAGE).map((c) => c.fate)).toEqual(['unchanged', 'unchanged', 'unchanged'])
  })

  it('calls a quote unchanged when only text before it grew (same words in the same place), with or without the old text', () => {
    const next = `Updated 7 December.\n\n${PAGE}`
    for (const oldText of [PAGE, undefined]) {
      const [fate] = classifyQuotes([spending], next, oldText)
      expect(fate).toMatchObject({ fate: 'unchanged' })
      if (fate!.fate !== 'unchanged') throw new Error('unreachable')
      expect(next.slice(fate!.start, fate!.end)).toBe(spending.exact)
    }
  })

  it('calls a quote moved when the same words are found elsewhere, in other surroundings', () => {
    const next = [
      'Economies of scale achieved by more centralised management could free up resources.',
      'A new paragraph sits here now.',
      'GP vacancies were at a low level. Morale? In 2014 morale was relatively high, say doctors.',
    ].join('\n\n')
    const [fate] = classifyQuotes([morale], next, PAGE)
    expect(fate).toMatchObject({ fate: 'moved' })
    if (fate!.fate !== 'moved') throw new Error('unreachable')
    expect(next.slice(fate!.start, fate!.end)).toBe('morale was relatively high')
  })

  it('calls a quote changed, with the new words and a word diff, when only a near match is left: 2.1 per cent became 2.3', () => {
    const next = PAGE.replace('2.1 per cent', '2.3 per cent')
    const [fate] = classifyQuotes([spending], next, PAGE)
    expect(fate).toEqual({
      fate: 'changed',
      start: next.indexOf('Spending'),
      end: next.indexOf('Spending') + spending.exact.length,
      words: 'Spending on general practice rose by 2.3 per cent a year',
      diff: [
        { op: 'same', text: 'Spending on general practice rose by' },
        { op: 'removed', text: '2.1' },
        { op: 'added', text: '2.3' },
        { op: 'same', text: 'per cent a year' },
      ],
    })
  })

  it('calls a quote gone when nothing close enough is left, rather than guessing', () => {
    const next = PAGE.replace('Economies of scale achieved by more centralised management could free up resources.', 'Larger organisations might save on back-office costs.')
    expect(classifyQuotes([morale, scale], next, PAGE).map((c) => c.fate)).toEqual(['unchanged', 'gone'])
  })

  it('classifies against a page that lost everything', () => {
    expect(classifyQuotes([morale, spending], '', PAGE).map((c) => c.fate)).toEqual(['gone', 'gone'])
    expect(classifyQuotes([], PAGE)).toEqual([])
  })
})

describe('the word diff between the cited words and the new ones', () => {
  it('ignores differences of spacing alone', () => {
    expect(wordDiff('rose by  2.1\nper cent', 'rose by 2.1 per cent')).toEqual([{ op: 'same', text: 'rose by 2.1 per cent' }])
  })

  it('shows words added and removed in their order', () => {
    expect(wordDiff('at a low level and morale was relatively high', 'at a very low level and morale was fairly high')).toEqual([
      { op: 'same', text: 'at a' },
      { op: 'added', text: 'very' },
      { op: 'same', text: 'low level and morale was' },
      { op: 'removed', text: 'relatively' },
      { op: 'added', text: 'fairly' },
      { op: 'same', text: 'high' },
    ])
  })

  it('gives one removed and one added run, quickly, for texts too long to compare word by word', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ')
    const started = performance.now()
    const diff = wordDiff(long, `${long} more`)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(diff.map((p) => p.op)).toEqual(['removed', 'added'])
    expect(wordDiff('', 'new words')).toEqual([{ op: 'added', text: 'new words' }])
  })
})
