// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { SNIPPET_CLOSE as C, SNIPPET_OPEN as O } from '@shared/dto/sources'
import { Snippet, snippetText, splitSnippet } from '../../renderer/src/ui/Snippet'

afterEach(cleanup)

describe('a claim search snippet', () => {
  it('marks the matched words and nothing else', () => {
    const { container } = render(<Snippet snippet={`trusts that ${O}run${C} general ${O}practice${C} well`} />)
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['run', 'practice'])
    expect(container.textContent).toBe('trusts that run general practice well')
  })

  it('shows HTML in a source as text: it never becomes elements', () => {
    const hostile = `<img src=x onerror="alert(1)"> ${O}<b>bold</b>${C} <script>alert(2)</script>`
    const { container } = render(<Snippet snippet={hostile} />)
    expect(container.querySelector('img, b, script')).toBeNull()
    expect(container.querySelector('mark')?.textContent).toBe('<b>bold</b>')
    expect(container.textContent).toBe(snippetText(hostile))
  })

  it('drops stray or unbalanced markers instead of showing control characters', () => {
    expect(splitSnippet(`a${C}b${O}c`)).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: false },
      { text: 'c', marked: true },
    ])
    const { container } = render(<Snippet snippet={`${O}${O}x${C}${C}`} />)
    expect(container.textContent).toBe('x')
  })
})
