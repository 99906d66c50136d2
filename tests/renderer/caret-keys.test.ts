import { describe, expect, it } from 'vitest'
import { caretMoveFor } from '../../renderer/src/ui/caret/caret-keys'

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('the caret keys of caret browsing', () => {
  it('arrows go by character and line, Ctrl+arrows by word, Home/End to the line, Ctrl+Home/End to the text', () => {
    expect(caretMoveFor(key('ArrowRight'))).toEqual({ alter: 'move', direction: 'forward', granularity: 'character' })
    expect(caretMoveFor(key('ArrowLeft', { ctrlKey: true }))).toEqual({ alter: 'move', direction: 'backward', granularity: 'word' })
    expect(caretMoveFor(key('ArrowDown'))).toEqual({ alter: 'move', direction: 'forward', granularity: 'line' })
    expect(caretMoveFor(key('Home'))).toEqual({ alter: 'move', direction: 'backward', granularity: 'lineboundary' })
    expect(caretMoveFor(key('End', { ctrlKey: true }))).toEqual({ alter: 'move', direction: 'forward', granularity: 'textboundary' })
  })

  it('Shift extends the selection instead of moving the caret', () => {
    expect(caretMoveFor(key('ArrowRight', { shiftKey: true, ctrlKey: true }))).toEqual({ alter: 'extend', direction: 'forward', granularity: 'word' })
    expect(caretMoveFor(key('Home', { shiftKey: true, ctrlKey: true }))).toEqual({ alter: 'extend', direction: 'backward', granularity: 'textboundary' })
  })

  it('on a Mac, Option+arrows go by word and ⌘+arrows to the ends', () => {
    expect(caretMoveFor(key('ArrowRight', { altKey: true }), true)?.granularity).toBe('word')
    expect(caretMoveFor(key('ArrowLeft', { metaKey: true }), true)?.granularity).toBe('lineboundary')
    expect(caretMoveFor(key('ArrowUp', { metaKey: true, shiftKey: true }), true)).toEqual({ alter: 'extend', direction: 'backward', granularity: 'textboundary' })
  })

  it('leaves other keys to the page: Alt+Left (back), Page Down (scroll), letters, Ctrl+Enter', () => {
    expect(caretMoveFor(key('ArrowLeft', { altKey: true }))).toBeNull()
    expect(caretMoveFor(key('PageDown'))).toBeNull()
    expect(caretMoveFor(key('a'))).toBeNull()
    expect(caretMoveFor(key('Enter', { ctrlKey: true }))).toBeNull()
    expect(caretMoveFor(key('ArrowDown', { ctrlKey: true }))).toBeNull()
  })
})
