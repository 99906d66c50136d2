import { describe, expect, it } from 'vitest'
import { defaultSizes, fitSizes, loadSizes, maxSize, PANE_LIMITS, READER_MIN, saveSizes } from '../../renderer/src/shell/pane-sizes'

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items }
}

describe('the columns’ widths', () => {
  it('start with the brief at about two fifths of the window, never under 340 px', () => {
    expect(defaultSizes(1440).right).toBe(576)
    expect(defaultSizes(1024).right).toBe(410)
    expect(defaultSizes(800).right).toBe(340)
  })

  it('fit a small window by narrowing the brief first, keeping the reader its minimum', () => {
    const fitted = fitSizes({ left: 300, right: 900 }, 1024)
    expect(fitted.left).toBe(300)
    expect(fitted.left + fitted.right + READER_MIN).toBe(1024)
    // The chosen widths come back when the window does.
    expect(fitSizes({ left: 300, right: 900 }, 1920)).toEqual({ left: 300, right: 900 })
  })

  it('never go outside their limits, however the window or the stored value', () => {
    expect(fitSizes({ left: 5, right: 99_999 }, 4000)).toEqual({ left: PANE_LIMITS.left.min, right: PANE_LIMITS.right.max })
    expect(fitSizes({ left: 560, right: 1400 }, 760)).toEqual({ left: PANE_LIMITS.left.min, right: PANE_LIMITS.right.min })
    expect(maxSize('right', { left: 300, right: 400 }, 1280)).toBe(1280 - 300 - READER_MIN)
  })

  it('are remembered, and a damaged stored value is ignored rather than trusted', () => {
    const storage = memoryStorage()
    saveSizes(storage, { left: 250, right: 600 })
    expect(loadSizes(storage)).toEqual({ left: 250, right: 600 })
    for (const bad of ['{', 'null', '"wide"', '{"left":"a","right":3}', '{"left":1e999,"right":3}']) {
      expect(loadSizes(memoryStorage({ 'evident.panes.v1': bad }))).toBeNull()
    }
    expect(loadSizes(memoryStorage({ 'evident.panes.v1': '{"left":-40,"right":1e6}' }))).toEqual({ left: 200, right: 1400 })
  })
})
