import { describe, expect } from 'vitest'
import { dismissSuggestion, scoreSentence, suggestClaims, suggestionKey } from '../../electron/core/claims/suggest'
import { AppError } from '../../electron/core/errors'
import { addSource, claimOn, testWithSource } from './claims-fixture'

const EDITORIAL = [
  { kind: 'heading' as const, text: 'Breaking boundaries in the healthcare system' },
  'The evidence that countries with strong primary care systems are more cost-effective with better outcomes is indisputable.3 The meeting was held in a large hall in the city centre.',
  'Movement towards a new system needs to accelerate if the savings of £30 million per annum that the 2002 Wanless Report predicted are to be achieved.',
  'Healthcare expenditure in the UK is projected to rise to 11–12% of GDP. We walked home along the river after the conference ended.',
  'Practices closed because the premises were no longer fit for purpose, and patients went elsewhere as a result.',
  'The long-term proposals set out by NHS England in its Five Year Forward View describe new models of care for the whole country.',
]

describe('suggesting sentences worth making into claims', () => {
  const it = testWithSource(EDITORIAL)

  it('explains each score in words an analyst understands', () => {
    expect(scoreSentence('The evidence that strong primary care works is indisputable.').reasons).toContain('evaluative language: ‘evidence’, ‘indisputable’')
    expect(scoreSentence('Some 4,200 practices have closed since the review began.').reasons).toContain('cites a figure')
    expect(scoreSentence('Spending rose to 11% of GDP over the decade we studied.').reasons).toContain('gives a percentage')
    expect(scoreSentence('The savings of £30 million per annum were never achieved at all.').reasons).toContain('mentions money')
    expect(scoreSentence('Practices closed because the premises were unfit for purpose.').reasons).toContain('causal claim: ‘because’')
    expect(scoreSentence('The proposals in the Five Year Forward View describe new care models.').reasons).toContain(
      'names a report: ‘Five Year Forward View’',
    )
    expect(scoreSentence('GPs should lead the new integrated organisations in every area.').reasons).toContain('modal language: ‘should’')
  })

  it('counts a note marker as a reference, not as a figure', () => {
    const text = 'Morale was relatively high in those years.3'
    const { reasons } = scoreSentence(text, [{ start: text.length - 1, end: text.length, label: '3' }])
    expect(reasons).toEqual(['backed by a reference (note 3)'])
  })

  it('ranks the citable sentences of a source first, with reasons, and leaves out headings and narrative', ({ project, sourceId }) => {
    const suggestions = suggestClaims(project.session.db, sourceId)
    const texts = suggestions.map((s) => s.text)
    expect(texts[0]).toMatch(/^Movement towards a new system needs to accelerate/)
    expect(suggestions[0]!.reasons).toEqual(['modal language: ‘needs to’', 'mentions money', 'cites a figure', 'names a report: ‘Wanless Report’'])
    expect(texts).toContain('Healthcare expenditure in the UK is projected to rise to 11–12% of GDP.')
    expect(texts).not.toContain('We walked home along the river after the conference ended.')
    expect(texts).not.toContain('The meeting was held in a large hall in the city centre.')
    expect(texts.some((t) => t.startsWith('Breaking boundaries'))).toBe(false)
    const text = project.session.sources.get(sourceId).text
    for (const s of suggestions) {
      expect(text.slice(s.start, s.end)).toBe(s.text)
      expect(s.reasons.length).toBeGreaterThan(0)
      expect(s.sourceId).toBe(sourceId)
    }
    // The note marker after "indisputable." ends that sentence; the narrative after it is left out.
    const evidence = suggestions.find((s) => s.text.startsWith('The evidence'))!
    expect(evidence.text).toBe('The evidence that countries with strong primary care systems are more cost-effective with better outcomes is indisputable.')
    expect(evidence.reasons).toContain('backed by a reference (note 3)')
    expect(evidence.paragraph).toBe(2)
    expect(suggestClaims(project.session.db, sourceId)).toEqual(suggestions)
  })

  it('remembers a dismissed suggestion, by a key that does not depend on spacing or case', ({ project, sourceId }) => {
    const [first] = suggestClaims(project.session.db, sourceId)
    expect(first!.key).toBe(suggestionKey(sourceId, `  ${first!.text.toUpperCase()} `))
    expect(dismissSuggestion(project.session.db, sourceId, first!.key)).toEqual({ dismissed: true })
    expect(dismissSuggestion(project.session.db, sourceId, first!.key)).toEqual({ dismissed: true })
    expect(suggestClaims(project.session.db, sourceId).map((s) => s.key)).not.toContain(first!.key)
  })

  it('does not suggest a sentence the analyst already claimed', ({ project, sourceId }) => {
    claimOn(project, sourceId, 'savings of £30 million per annum')
    expect(suggestClaims(project.session.db, sourceId).map((s) => s.text).join(' ')).not.toContain('£30 million')
  })

  it('offers at most 20 suggestions on a long source', ({ project }) => {
    const long = addSource(
      project.session,
      Array.from({ length: 40 }, (_, i) => `Funding for practice ${i} must rise by ${i + 2}% because demand is growing.`),
      'Long report',
    )
    expect(suggestClaims(project.session.db, long)).toHaveLength(20)
  })

  it('refuses a source that is not in the project', ({ project }) => {
    expect(() => suggestClaims(project.session.db, 'gone')).toThrow(AppError)
    expect(() => dismissSuggestion(project.session.db, 'gone', 'k')).toThrow(AppError)
  })
})
