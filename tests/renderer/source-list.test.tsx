// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SourceSummary } from '@shared/dto/sources'
import { SourceList } from '../../renderer/src/features/sources/SourceList'

const COUNT = 10_000
const VIEW_PX = 560
const ROW_PX = 56
const SOURCES: SourceSummary[] = Array.from(
  { length: COUNT },
  (_, i) => ({ id: `s${i}`, title: `Source ${i}`, authors: 'Smith A', year: '2020', fileName: `s${i}.txt` }) as SourceSummary,
)

// jsdom does no layout: give the list a viewport and each row a height, as Chromium would.
const restore: (() => void)[] = []
function stub<K extends keyof HTMLElement>(key: K, get: (el: HTMLElement) => number) {
  const previous = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)
  Object.defineProperty(HTMLElement.prototype, key, {
    configurable: true,
    get: function (this: HTMLElement) {
      return get(this)
    },
  })
  restore.push(() => previous && Object.defineProperty(HTMLElement.prototype, key, previous))
}
beforeAll(() => {
  stub('clientHeight', (el) => (el.classList.contains('source-list') ? VIEW_PX : 0))
  stub('clientWidth', (el) => (el.classList.contains('source-list') ? 300 : 0))
  stub('offsetHeight', (el) => (el.classList.contains('source-item') ? ROW_PX : 0))
  stub('scrollHeight', (el) => (el.classList.contains('source-list') ? parseFloat((el.firstElementChild as HTMLElement).style.height) : 0))
  // …and a scroll position that sticks (jsdom's is always 0).
  const scrolled = new WeakMap<Element, number>()
  const previous = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')
  Object.defineProperty(Element.prototype, 'scrollTop', {
    configurable: true,
    get: function (this: Element) {
      return scrolled.get(this) ?? 0
    },
    set: function (this: Element, top: number) {
      scrolled.set(this, Math.max(0, top))
    },
  })
  restore.push(() => previous && Object.defineProperty(Element.prototype, 'scrollTop', previous))
  Element.prototype.scrollTo = vi.fn(function (this: Element, options?: ScrollToOptions | number) {
    if (typeof options === 'object' && options.top !== undefined) this.scrollTop = options.top
    // As in a browser, the scroll event comes later, not inside the call.
    setTimeout(() => this.dispatchEvent(new Event('scroll')))
  }) as Element['scrollTo']
})
afterAll(() => restore.forEach((undo) => undo()))
afterEach(cleanup)

function Harness({ initial = null }: { initial?: string | null }) {
  const [selected, setSelected] = useState<string | null>(initial)
  return <SourceList sources={SOURCES} selectedId={selected} onSelect={setSelected} />
}

const list = () => screen.getByRole('listbox', { name: 'Sources' })
const selected = () => list().querySelector('[aria-selected="true"]')
const settle = () => new Promise((resolve) => setTimeout(resolve, 5))
const press = (key: string) =>
  act(async () => {
    fireEvent.keyDown(list(), { key })
    await settle()
  })

describe('the sources list with 10,000 sources', () => {
  it('renders only the rows in view, each saying where it is in the whole list', () => {
    render(<Harness />)
    const options = screen.getAllByRole('option')
    expect(options.length).toBeGreaterThan(VIEW_PX / ROW_PX)
    expect(options.length).toBeLessThan(40)
    expect(options[0]!.getAttribute('aria-setsize')).toBe(String(COUNT))
    expect(options.map((o) => o.getAttribute('aria-posinset'))).toEqual(options.map((_, i) => String(i + 1)))
    expect(options[0]!.textContent).toBe('Source 0Smith A · 2020')
  })

  it('moves the selection with the keys and keeps the selected source in the DOM and in view', async () => {
    render(<Harness />)
    list().focus()
    await press('ArrowDown')
    expect(selected()?.textContent).toMatch(/^Source 0/)
    expect(list().getAttribute('aria-activedescendant')).toBe(selected()!.id)

    await press('End')
    expect(selected()?.getAttribute('aria-posinset')).toBe(String(COUNT))
    expect(list().getAttribute('aria-activedescendant')).toBe('source-s9999')
    expect(list().scrollTop).toBeGreaterThan((COUNT - 20) * ROW_PX)

    await press('Home')
    expect(selected()?.getAttribute('aria-posinset')).toBe('1')
    expect(list().scrollTop).toBeLessThan(ROW_PX)

    await press('PageDown')
    const page = Number(selected()?.getAttribute('aria-posinset')) - 1
    expect(page).toBeGreaterThan(5)
    await press('PageDown')
    expect(selected()?.getAttribute('aria-posinset')).toBe(String(2 * page + 1))
    await press('PageUp')
    await press('ArrowUp')
    expect(selected()?.getAttribute('aria-posinset')).toBe(String(page))
  })

  it('keeps the selected row (the active descendant) rendered when the analyst scrolls it away', async () => {
    render(<Harness initial="s5000" />)
    await act(settle)
    expect(list().scrollTop).toBeGreaterThan(4900 * ROW_PX)
    await act(async () => {
      list().scrollTop = 0
      list().dispatchEvent(new Event('scroll'))
    })
    expect(screen.getAllByRole('option')[0]!.getAttribute('aria-posinset')).toBe('1')
    expect(document.getElementById(list().getAttribute('aria-activedescendant')!)?.textContent).toMatch(/^Source 5000/)
  })
})
