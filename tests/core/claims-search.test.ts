import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchClaims } from '../../electron/core/claims/search'
import { bestSnippet } from '../../electron/core/claims/snippet'
import { toFtsQuery } from '../../electron/core/search/fts-query'
import type { Claim, ClaimQuery } from '@shared/dto/claims'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '@shared/dto/sources'
import { addSource, claimOn, openTempProject, type TempProject } from './claims-fixture'

describe('finding claims', () => {
  let project: TempProject
  let editorial: string
  let news: string
  const ids: Record<string, string> = {}
  const tags: Record<string, string> = {}
  let question: string
  const search = (query: ClaimQuery) => searchClaims(project.session.db, query)
  const found = (query: ClaimQuery) => search(query).items.map((c) => c.id)

  beforeAll(() => {
    project = openTempProject()
    editorial = addSource(
      project.session,
      [
        'There is a major recruitment crisis in general practice and morale is low.',
        'Chronic underfunding of the NHS is partly to blame for the crisis.',
        'Recruiting doctors to rural practices is hardest of all.',
      ],
      'Editorial in the BJGP',
      'Jones',
    )
    news = addSource(
      project.session,
      ['NHS hospitals could take control of general practice services to provide new investment.', 'Funding for premises has fallen behind.'],
      'Hospitals could run GP services',
      'Iacobucci',
    )
    const workforce = project.tags.create('Workforce', null)
    tags.workforce = workforce.id
    tags.recruitment = project.tags.create('Recruitment', workforce.id).id
    tags.funding = project.tags.create('Funding', null).id
    question = project.questions.create('Should hospital trusts run general practice?').id
    const claim = (key: string, sourceId: string, quote: string, extra: Parameters<typeof claimOn>[3] = {}) => {
      ids[key] = claimOn(project, sourceId, quote, extra).id
    }
    claim('recruitment', editorial, 'There is a major recruitment crisis in general practice', {
      tagIds: [tags.recruitment!],
      evidenceType: 'expert-opinion',
      strength: 'moderate',
      stances: [{ questionId: question, stance: 'neutral' }],
    })
    claim('underfunding', editorial, 'Chronic underfunding of the NHS is partly to blame', {
      tagIds: [tags.funding!],
      evidenceType: 'expert-opinion',
      strength: 'weak',
      note: 'The crisis has many causes',
    })
    claim('rural', editorial, 'Recruiting doctors to rural practices is hardest of all.', { tagIds: [tags.workforce!], strength: 'strong' })
    claim('takeover', news, 'NHS hospitals could take control of general practice services', {
      statement: 'Hospitals could take over general practice to bring investment',
      evidenceType: 'policy-statement',
      strength: 'strong',
      stances: [{ questionId: question, stance: 'supports' }],
    })
    claim('premises', news, 'Funding for premises has fallen behind.', { tagIds: [tags.funding!], stances: [{ questionId: question, stance: 'supports' }] })
  })
  afterAll(() => project.close())

  it('finds claims by the words of their statement, quote, note, tags and source title', () => {
    expect(found({ text: 'investment' })).toEqual([ids.takeover])
    expect(found({ text: 'causes' })).toEqual([ids.underfunding])
    expect(new Set(found({ text: 'workforce' }))).toEqual(new Set([ids.recruitment, ids.rural]))
    expect(found({ text: 'iacobucci' })).toEqual([])
    expect(new Set(found({ text: 'hospitals run' }))).toEqual(new Set([ids.takeover, ids.premises]))
  })

  it('ranks a claim whose statement has the word above one that only mentions it in a note', () => {
    expect(found({ text: 'crisis' })).toEqual([ids.recruitment, ids.underfunding])
  })

  it('matches word beginnings with a trailing * and exact phrases in quotes', () => {
    expect(new Set(found({ text: 'recruit*' }))).toEqual(new Set([ids.recruitment, ids.rural]))
    expect(found({ text: '"partly to blame"' })).toEqual([ids.underfunding])
    expect(found({ text: '"blame partly"' })).toEqual([])
  })

  it('highlights matches with the snippet markers, never HTML', () => {
    const card = search({ text: 'underfunding' }).items[0]!
    expect(card.snippet).toContain(`${SNIPPET_OPEN}underfunding${SNIPPET_CLOSE}`)
    expect(card.snippet).not.toMatch(/<\/?b>/)
    expect(card.sourceTitle).toBe('Editorial in the BJGP')
    expect(card.shortCitation).toBe('Jones 2014')
    expect(search({}).items[0]?.snippet).toBeUndefined()
  })

  it('highlights a phrase as one, ignoring case and accents, in a window of the best-matching field', () => {
    const O = SNIPPET_OPEN
    const C = SNIPPET_CLOSE
    expect(bestSnippet(['Partly to blame, says the RCGP.'], toFtsQuery('"partly to blame"')!)).toBe(`${O}Partly to blame${C}, says the RCGP.`)
    expect(bestSnippet(['A rôle for the Café'], toFtsQuery('role cafe')!)).toBe(`A ${O}rôle${C} for the ${O}Café${C}`)
    expect(bestSnippet(['Recruiting and recruitment'], toFtsQuery('recruit*')!)).toBe(`${O}Recruiting${C} and ${O}recruitment${C}`)
    const long = `${'word '.repeat(60)}funding crisis ${'more '.repeat(60)}`.trim()
    const snippet = bestSnippet(['No match here', long], toFtsQuery('funding')!)
    expect(snippet).toMatch(new RegExp(`^…(word ){3}${O}funding${C} crisis( more){19}…$`))
    expect(bestSnippet(['Statement text', 'quote'], toFtsQuery('absent')!)).toBe('Statement text')
  })

  it('treats text that is not valid search syntax as plain words, never failing', () => {
    const awkward = ['"unbalanced crisis', 'crisis AND', 'AND', 'OR crisis', 'NOT', '*', '**', 'NEAR(', 'NEAR(crisis', 'statement:crisis', 'col:', '(crisis', 'crisis)', '-crisis', '^crisis', '+', '"', "'", '?!.,;', 'crisis"', ':', '{statement quote}: crisis']
    for (const text of awkward) expect(() => search({ text }), text).not.toThrow()
    expect(found({ text: '"unbalanced crisis' })).toEqual([])
    expect(found({ text: 'crisis"' })).toEqual([ids.recruitment, ids.underfunding])
    expect(found({ text: '(crisis' })).toEqual([ids.recruitment, ids.underfunding])
    expect(found({ text: '-crisis' })).toEqual([ids.recruitment, ids.underfunding])
    expect(found({ text: 'NEAR(crisis' })).toEqual([])
    // Nothing searchable left: the same as an empty search box.
    expect(search({ text: '*' }).total).toBe(5)
    expect(search({ text: '?!.,;' }).total).toBe(5)
  })

  it('filters by source, tag (with its sub-tags), stance on a question, evidence type, strength and status', () => {
    expect(new Set(found({ sourceId: news }))).toEqual(new Set([ids.takeover, ids.premises]))
    expect(new Set(found({ tagId: tags.workforce }))).toEqual(new Set([ids.recruitment, ids.rural]))
    expect(found({ tagId: tags.recruitment })).toEqual([ids.recruitment])
    expect(new Set(found({ questionId: question, stance: 'supports' }))).toEqual(new Set([ids.takeover, ids.premises]))
    expect(found({ questionId: question, stance: 'neutral' })).toEqual([ids.recruitment])
    expect(found({ evidenceType: 'policy-statement' })).toEqual([ids.takeover])
    expect(new Set(found({ strength: 'strong' }))).toEqual(new Set([ids.rural, ids.takeover]))
    expect(found({ status: 'orphaned' })).toEqual([])
    expect(found({ text: 'funding', tagId: tags.funding, sourceId: news })).toEqual([ids.premises])
    expect(found({ text: 'general', evidenceType: 'expert-opinion', strength: 'moderate' })).toEqual([ids.recruitment])
  })

  it('sorts by newest, oldest, source and strength', () => {
    const all = [ids.recruitment, ids.underfunding, ids.rural, ids.takeover, ids.premises]
    expect(found({})).toEqual([...all].reverse())
    expect(found({ sort: 'oldest' })).toEqual(all)
    expect(found({ sort: 'source' })).toEqual(all)
    const strengths = search({ sort: 'strength' }).items.map((c: Claim) => c.strength)
    expect(strengths).toEqual(['strong', 'strong', 'moderate', 'weak', null])
    expect(found({ text: 'crisis', sort: 'oldest' })).toEqual([ids.recruitment, ids.underfunding])
    expect(found({ text: 'crisis', sort: 'newest' })).toEqual([ids.underfunding, ids.recruitment])
    expect(search({ text: 'crisis', sort: 'newest' }).items[0]?.snippet).toContain(SNIPPET_OPEN)
  })

  it('pages through results with offset and limit, with the total of every match', () => {
    const first = search({ limit: 2 })
    const second = search({ limit: 2, offset: 2 })
    const last = search({ limit: 2, offset: 4 })
    expect(first.total).toBe(5)
    expect(second.total).toBe(5)
    expect(last.total).toBe(5)
    expect([...first.items, ...second.items, ...last.items].map((c) => c.id)).toHaveLength(5)
    expect(search({ limit: 2, offset: 10 })).toEqual({ total: 5, items: [] })
    expect(search({ text: 'general', limit: 1 }).total).toBe(2)
    expect(search({ text: 'general', limit: 1, offset: 5 }).total).toBe(2)
  })
})
