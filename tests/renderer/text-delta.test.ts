import { describe, expect, it } from 'vitest'
import { applyTextDelta, textDelta } from '../../renderer/src/api/text-delta'
import { seededRandom } from '../bench/bench-helpers'

describe('a long text sent as its difference from the one before', () => {
  it('puts back exactly the new text, whatever was typed, pasted or deleted, and wherever', () => {
    const random = seededRandom(12)
    const alphabet = 'ab “é”\u{1F600}{}",\\'
    const text = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('')
    for (let trial = 0; trial < 300; trial++) {
      const before = text(Math.floor(random() * 20_000))
      const at = Math.floor(random() * (before.length + 1))
      const cut = Math.floor(random() * Math.min(50, before.length - at + 1))
      const after = before.slice(0, at) + text(Math.floor(random() * 30)) + before.slice(at + cut)
      const delta = textDelta(before, after)
      expect(applyTextDelta(before, delta)).toBe(after)
      expect(delta.middle.length).toBeLessThanOrEqual(Math.max(30, Math.abs(after.length - before.length) + 30))
    }
  })

  it('handles texts with nothing in common, one empty, or the same', () => {
    for (const [before, after] of [['abc', 'xyz'], ['', 'abc'], ['abc', ''], ['same', 'same'], ['aaaa', 'aa']]) {
      expect(applyTextDelta(before!, textDelta(before!, after!))).toBe(after)
    }
    expect(textDelta('same', 'same').middle).toBe('')
  })
})
