import { describe, expect, it } from 'vitest'
import { heading, paragraph, referencesNode, root, text } from '../../electron/core/briefs/nodes'
import { checkAccessibility, describeAccessibilityErrors } from '../../electron/core/export/accessibility'
import type { SerializedLexicalNode } from '@shared/dto/brief-nodes'

const link = (url: string, words: string): SerializedLexicalNode => ({ type: 'link', version: 1, url, rel: null, target: null, title: null, children: [text(words)], direction: 'ltr', format: '', indent: 0 })
const check = (...children: SerializedLexicalNode[]) => checkAccessibility(root(children).root)
const rules = (items: ReturnType<typeof checkAccessibility>) => items.map((i) => [i.rule, i.severity, i.block])

describe('the accessible-document check (GOV.UK rules)', () => {
  it('passes a brief with its headings in order, plain link text and short sentences', () => {
    expect(
      check(heading('h1', 'Title'), heading('h2', 'Background'), paragraph('Demand is rising. ', link('https://example.org/report', 'the Kings Fund report'), ' says so.'), heading('h3', 'Detail'), heading('h4', 'Risks'), paragraph('Few.')),
    ).toEqual([])
  })

  it('finds headings out of order: a skipped level, a second title, one before the title, one with no words', () => {
    expect(rules(check(heading('h2', 'Early'), heading('h1', 'Title'), heading('h2', 'A'), heading('h4', 'Skipped a level'), heading('h1', 'Another title'), heading('h3', '')))).toEqual([
      ['heading-order', 'error', 0],
      ['heading-order', 'error', 3],
      ['heading-order', 'error', 4],
      ['empty-heading', 'error', 5],
    ])
  })

  it('finds link text that says nothing on its own and bare addresses, in the analyst’s own prose', () => {
    const items = check(heading('h1', 'T'), paragraph('For more, ', link('https://example.org', 'click here'), '.'), paragraph(link('https://www.gov.uk/guidance', 'https://www.gov.uk/guidance')), paragraph(link('https://x.org', 'Read more')))
    expect(rules(items)).toEqual([
      ['link-text', 'error', 1],
      ['link-text', 'error', 2],
      ['link-text', 'error', 3],
    ])
    expect(items[0]!.message).toBe('The link text “click here” does not say where it leads: use words that name the page.')
  })

  it('warns of italics used for emphasis and of sentences over 25 words, but not in headings or References', () => {
    const long = 'This sentence goes on and on with one clause after another clause until it has far more than the twenty five words that GOV.UK asks writers to keep to.'
    const items = check(heading('h1', 'T'), paragraph(text('Really', 2), text(' important.')), paragraph(`Short one. ${long}`), heading('h2', 'References'), referencesNode())
    expect(rules(items)).toEqual([
      ['italic-emphasis', 'warning', 1],
      ['long-sentence', 'warning', 2],
    ])
    expect(items[1]!.message).toMatch(/^A sentence of 29 words: GOV\.UK asks for 25 or fewer\.$/)
  })

  it('says every error in the refusal, one line each', () => {
    const message = describeAccessibilityErrors(check(heading('h1', 'T'), heading('h3', 'Too deep'), paragraph(link('https://x.org', 'here'))))
    expect(message.split('\n')).toEqual([
      "The brief has 2 accessibility problems that GOV.UK's rules for published documents do not allow, so it was not exported. Fix them, or export anyway.",
      '• A level 3 heading follows a level 1 one: heading levels go down one at a time. (“Too deep”)',
      '• The link text “here” does not say where it leads: use words that name the page.',
    ])
  })
})
