// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '@shared/dto/sources'
import { Snippet, splitSnippet } from '../../renderer/src/ui/Snippet'
import { SearchResults } from '../../renderer/src/features/search/SearchResults'

afterEach(cleanup)

const HOSTILE = '<img src=x onerror=alert(1)>'

describe('search snippets', () => {
  it('mark the matched words the core wrapped in its markers', () => {
    const { container } = render(<Snippet snippet={`GPs risk being devoured by ${SNIPPET_OPEN}hospital${SNIPPET_CLOSE} trusts`} />)
    const marks = container.querySelectorAll('mark')
    expect(marks).toHaveLength(1)
    expect(marks[0]!.textContent).toBe('hospital')
    expect(container.textContent).toBe('GPs risk being devoured by hospital trusts')
  })

  it('show HTML in a source as text and never run it', () => {
    const alert = vi.fn()
    window.alert = alert
    const { container } = render(<Snippet snippet={`before ${SNIPPET_OPEN}${HOSTILE}${SNIPPET_CLOSE} after <b>bold</b>`} />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelector('mark')!.textContent).toBe(HOSTILE)
    expect(container.textContent).toBe(`before ${HOSTILE} after <b>bold</b>`)
    expect(alert).not.toHaveBeenCalled()
  })

  it('drop stray or unbalanced markers instead of showing control characters', () => {
    const parts = splitSnippet(`a${SNIPPET_CLOSE}b${SNIPPET_OPEN}c`)
    expect(parts).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: false },
      { text: 'c', marked: true },
    ])
    expect(parts.map((p) => p.text).join('')).not.toMatch(/[\u0001\u0002]/)
  })

  it('stay text inside the search results list, titles included', () => {
    const hits = [{ sourceId: 's1', sourceTitle: HOSTILE, paragraphNumber: 12, snippet: `x ${SNIPPET_OPEN}${HOSTILE}${SNIPPET_CLOSE}` }]
    const onChoose = vi.fn()
    const { container } = render(<SearchResults state={{ query: 'img', hits, busy: false }} onChoose={onChoose} onClose={() => {}} />)
    expect(container.querySelector('img')).toBeNull()
    const hit = screen.getByRole('button', { name: /¶ 12/ })
    hit.click()
    expect(onChoose).toHaveBeenCalledWith('s1', 12)
  })
})
