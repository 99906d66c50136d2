// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ClaimCard } from '@shared/dto/claims'
import type { SourceSummary } from '@shared/dto/sources'
import { ClaimsLibrary } from '../../renderer/src/features/claims/ClaimsLibrary'
import { ClaimsUiContext, type ClaimsUi } from '../../renderer/src/features/claims/claims-ui'
import { MAX_SOURCE_MATCHES, matchSources, SourcePicker } from '../../renderer/src/features/claims/SourcePicker'
import { fakeApi, withApi } from '../helpers/fake-api'

const api = fakeApi()

function source(id: string, title: string, patch: Partial<SourceSummary> = {}): SourceSummary {
  return { id, title, fileName: `${id}.txt`, format: 'txt', authors: 'Smith', year: '2020', ...patch } as SourceSummary
}

/** 10,000 sources, as in the benchmark project: "Report 0" … "Report 9999", and a few with words that matter. */
const MANY = [
  ...Array.from({ length: 10_000 }, (_, i) => source(`s${i}`, `Report ${i} on primary care`)),
  source('nhs', 'The NHS at sixty'),
  source('gp', 'GPs risk being devoured by hospital trusts'),
  source('int', 'Integration of general practice'),
]

beforeAll(() => {
  // jsdom does no layout, so it has no scrollIntoView or scrollTo: the picker keeps the highlighted option in
  // view with one, the claims list goes back to its top with the other.
  Element.prototype.scrollIntoView = vi.fn()
  Element.prototype.scrollTo = vi.fn()
})
afterEach(cleanup)

function Harness({ sources = MANY, initial, onChange }: { sources?: SourceSummary[]; initial?: string; onChange?: (id: string | undefined) => void }) {
  const [value, setValue] = useState<string | undefined>(initial)
  return (
    <SourcePicker
      label="Source"
      sources={sources}
      value={value}
      onChange={(id) => {
        setValue(id)
        onChange?.(id)
      }}
    />
  )
}

const box = () => screen.getByRole('combobox', { name: 'Source' })
const options = () => screen.queryAllByRole('option')

describe('matchSources', () => {
  const lowered = MANY.map((s) => s.title.toLocaleLowerCase())

  it('keeps at most 50 matches but counts them all', () => {
    const { matches, total } = matchSources(MANY, lowered, 'report')
    expect(matches).toHaveLength(MAX_SOURCE_MATCHES)
    expect(total).toBe(10_000)
  })

  it('matches every typed word anywhere in the title, titles starting with the text first', () => {
    const list = [source('a', 'Funding of general practice'), source('b', 'General practice funding'), source('c', 'Practice nurses')]
    const { matches, total } = matchSources(list, list.map((s) => s.title.toLowerCase()), 'general PRACTICE')
    expect(total).toBe(2)
    expect(matches.map((s) => s.id)).toEqual(['b', 'a'])
    expect(matchSources(list, list.map((s) => s.title.toLowerCase()), 'funding general').matches.map((s) => s.id)).toEqual(['a', 'b'])
  })
})

describe('the source filter as a searchable combobox', () => {
  it('is closed and renders no option until asked, however many sources there are', () => {
    render(<Harness />, withApi(api))
    expect(box().getAttribute('aria-expanded')).toBe('false')
    expect(options()).toHaveLength(0)
    expect((box() as HTMLInputElement).placeholder).toBe('Any source')
  })

  it('narrows the list as the analyst types, shows at most 50 matches and says how many there are', () => {
    render(<Harness />, withApi(api))
    fireEvent.change(box(), { target: { value: 'report' } })
    expect(box().getAttribute('aria-expanded')).toBe('true')
    expect(options()).toHaveLength(MAX_SOURCE_MATCHES)
    expect(screen.getByRole('listbox', { name: 'Source' })).toBeTruthy()
    expect(screen.getByRole('status').textContent).toBe('Showing 50 of 10,000 matching sources: type part of a title to narrow the list.')

    fireEvent.change(box(), { target: { value: 'devoured' } })
    expect(options().map((o) => o.querySelector('.source-picker-title')!.textContent)).toEqual(['GPs risk being devoured by hospital trusts'])
    expect(screen.getByRole('status').textContent).toBe('1 source matches.')

    fireEvent.change(box(), { target: { value: 'zebra' } })
    expect(options()).toHaveLength(0)
    expect(screen.getByRole('status').textContent).toBe('No source title contains “zebra”.')
  })

  it('moves through the matches with the arrow keys and chooses one with Enter', () => {
    const onChange = vi.fn()
    render(<Harness onChange={onChange} />, withApi(api))
    fireEvent.change(box(), { target: { value: 'report 99' } })
    // The best match is highlighted as soon as there is one: Enter alone would choose it.
    const first = options()[0]!
    expect(first.getAttribute('aria-selected')).toBe('true')
    expect(box().getAttribute('aria-activedescendant')).toBe(first.id)
    expect(first.textContent).toContain('Report 99 on primary care')

    fireEvent.keyDown(box(), { key: 'ArrowDown' })
    const second = options()[1]!
    expect(second.getAttribute('aria-selected')).toBe('true')
    expect(box().getAttribute('aria-activedescendant')).toBe(second.id)
    fireEvent.keyDown(box(), { key: 'ArrowUp' })
    expect(box().getAttribute('aria-activedescendant')).toBe(first.id)

    fireEvent.keyDown(box(), { key: 'ArrowDown' })
    fireEvent.keyDown(box(), { key: 'Enter' })
    expect(onChange).toHaveBeenLastCalledWith('s990')
    expect(box().getAttribute('aria-expanded')).toBe('false')
    expect((box() as HTMLInputElement).value).toBe('Report 990 on primary care')
    expect(options()).toHaveLength(0)
  })

  it('opens on ArrowDown with the current choice highlighted, and Escape closes it and puts the choice back', () => {
    const onChange = vi.fn()
    render(<Harness initial="gp" onChange={onChange} />, withApi(api))
    expect((box() as HTMLInputElement).value).toBe('GPs risk being devoured by hospital trusts')
    fireEvent.keyDown(box(), { key: 'ArrowDown' })
    expect(box().getAttribute('aria-expanded')).toBe('true')
    // "Any source" first, then the chosen source even though it is not among the first 50.
    expect(options()[0]!.textContent).toBe('Any source')
    const highlighted = document.getElementById(box().getAttribute('aria-activedescendant')!)!
    expect(highlighted.textContent).toContain('GPs risk being devoured')

    fireEvent.change(box(), { target: { value: 'integr' } })
    fireEvent.keyDown(box(), { key: 'Escape' })
    expect(box().getAttribute('aria-expanded')).toBe('false')
    expect((box() as HTMLInputElement).value).toBe('GPs risk being devoured by hospital trusts')
    expect(onChange).not.toHaveBeenCalled()
  })

  it('chooses with a click, and "Any source" (or an emptied box) clears the filter', () => {
    const onChange = vi.fn()
    render(<Harness onChange={onChange} />, withApi(api))
    fireEvent.click(box())
    expect(box().getAttribute('aria-expanded')).toBe('true')
    fireEvent.change(box(), { target: { value: 'integration' } })
    fireEvent.click(screen.getByRole('option', { name: /Integration of general practice/ }))
    expect(onChange).toHaveBeenLastCalledWith('int')

    fireEvent.click(box())
    fireEvent.click(screen.getByRole('option', { name: 'Any source' }))
    expect(onChange).toHaveBeenLastCalledWith(undefined)
    expect((box() as HTMLInputElement).value).toBe('')

    fireEvent.change(box(), { target: { value: 'sixty' } })
    fireEvent.keyDown(box(), { key: 'Enter' })
    expect(onChange).toHaveBeenLastCalledWith('nhs')
    fireEvent.change(box(), { target: { value: '' } })
    fireEvent.blur(box())
    expect(onChange).toHaveBeenLastCalledWith(undefined)
  })
})

describe('the library with its filters closed', () => {
  const calls: string[] = []
  const ui: ClaimsUi = {
    newClaim: vi.fn(),
    openClaim: vi.fn(),
    reattaching: null,
    startReattach: vi.fn(),
    reattach: vi.fn(),
    cancelReattach: vi.fn(),
    showInSource: null,
    readOnly: null,
  }

  beforeEach(() => {
    calls.length = 0
    vi.mocked(api.invoke).mockImplementation((async (method: string) => {
      calls.push(method)
      if (method === 'claims.search') return { items: [] as ClaimCard[], total: 0 }
      return []
    }) as typeof api.invoke)
  })

  it('never fetches the sources itself and mounts the filter controls only when the panel opens', async () => {
    render(
      <ClaimsUiContext.Provider value={ui}>
        <ClaimsLibrary sources={MANY} />
      </ClaimsUiContext.Provider>,
      withApi(api),
    )
    await waitFor(() => expect(calls).toContain('claims.search'))
    expect(screen.queryByRole('group', { name: 'Filter claims' })).toBeNull()
    // Only the sort menu's few options: none per source, tag or question.
    expect(document.querySelectorAll('option').length).toBeLessThan(10)
    expect(document.querySelectorAll('[role="option"]')).toHaveLength(0)

    fireEvent.click(screen.getByRole('button', { name: 'Filters' }))
    const group = screen.getByRole('group', { name: 'Filter claims' })
    // Every filter is there, each control named by its label (a select is a combobox too).
    for (const label of ['Source', 'Tag', 'Question', 'Stance', 'Evidence type', 'Strength', 'Status']) {
      expect(within(group).getByRole('combobox', { name: label })).toBeTruthy()
    }
    expect(within(group).getByRole('combobox', { name: 'Source' }).tagName).toBe('INPUT')

    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'sixty' } })
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Source' }), { key: 'Enter' })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Filters (1)' })).toBeTruthy())
    expect(vi.mocked(api.invoke).mock.calls.filter(([m]) => m === 'claims.search').at(-1)?.[1]).toMatchObject({ sourceId: 'nhs' })

    fireEvent.click(screen.getByRole('button', { name: 'Filters (1)' }))
    expect(screen.queryByRole('group', { name: 'Filter claims' })).toBeNull()
    expect(calls).not.toContain('sources.list')
  })
})
