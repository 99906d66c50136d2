// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_ADDITIONS, type BriefSummary, type SerializedBrief } from '@shared/dto/briefs'
import { EvidentError } from '../../renderer/src/api/errors'
import { Autosaver, SAVE_DEBOUNCE_MS, SAVE_MAX_WAIT_MS, type SaveStatus } from '../../renderer/src/features/brief/editor/autosave'
import { DEFAULT_LAYOUT } from '@shared/dto/brief-layout'

/** The JSON text the editor hands the autosaver. */
function brief(text: string): string {
  const content: SerializedBrief = { format: 'evident-brief', version: 1, editorState: { root: { type: 'root', children: [{ type: 'text', text }] } } }
  return JSON.stringify(content)
}

function summary(revision: number): BriefSummary {
  return { id: 'b1', title: 'T', questionId: null, template: 'blank', style: 'vancouver', notes: 'footnotes', revision, updatedAt: '', citationCount: 0, additions: DEFAULT_ADDITIONS, layout: DEFAULT_LAYOUT }
}

function setup(save: (content: string, base: number) => Promise<BriefSummary>) {
  const opened = brief('start')
  let current = opened
  const statuses: SaveStatus['kind'][] = []
  const saver = new Autosaver({ read: () => current, opened: () => opened, save, onStatus: (s) => statuses.push(s.kind), onSaved: () => undefined }, 3)
  return { saver, statuses, type: (text: string) => ((current = brief(text)), saver.change()) }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('autosave', () => {
  it('saves a change within a second, once for a burst of keystrokes, on top of the last saved revision', async () => {
    const save = vi.fn(async (_c: string, base: number) => summary(base + 1))
    const { type } = setup(save)
    expect(SAVE_DEBOUNCE_MS).toBeLessThanOrEqual(800)
    type('a')
    type('ab')
    type('abc')
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenLastCalledWith(brief('abc'), 3)
    type('abcd')
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS)
    expect(save).toHaveBeenLastCalledWith(brief('abcd'), 4)
  })

  it('saves at least every second while the analyst types without pausing', async () => {
    const save = vi.fn(async (_c: string, base: number) => summary(base + 1))
    const { type } = setup(save)
    expect(SAVE_MAX_WAIT_MS).toBeLessThan(1000)
    let text = ''
    for (let i = 0; i < 15; i++) {
      text += 'x'
      type(text)
      await vi.advanceTimersByTimeAsync(200)
    }
    // 3 seconds of steady typing, a key every 200 ms: never a 600 ms pause, yet saved at least three times.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(3)
    const firstSaved = save.mock.calls[0]![0] as string
    expect(firstSaved).toContain('"xxxx')
  })

  it('does not save when nothing really changed', async () => {
    const save = vi.fn(async () => summary(4))
    const { type } = setup(save)
    type('start')
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS)
    expect(save).not.toHaveBeenCalled()
  })

  it('flushes at once when asked (blur, switching briefs), without waiting for the timer', async () => {
    const save = vi.fn(async () => summary(4))
    const { saver, type } = setup(save)
    type('typed then blurred')
    await saver.flush()
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('keeps a change that failed to save and retries it, saying so', async () => {
    let fail = true
    const save = vi.fn(async () => {
      if (fail) throw new EvidentError('NETWORK', 'Evident is not responding.')
      return summary(4)
    })
    const { type, statuses } = setup(save)
    type('while the server is down')
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS)
    expect(statuses.at(-1)).toBe('retrying')
    fail = false
    await vi.advanceTimersByTimeAsync(2_000)
    expect(save).toHaveBeenCalledTimes(2)
    expect(save).toHaveBeenLastCalledWith(brief('while the server is down'), 3)
    expect(statuses.at(-1)).toBe('saved')
  })

  // Retrying cannot help either way; a project reopened read-only under a save is not a conflict.
  it.each([
    ['on a conflict rather than overwrite another window’s work', 'CONFLICT', 'This brief was changed elsewhere.', 'conflict'],
    ['when the project was reopened read-only under a save, saying read-only', 'READ_ONLY', 'It was opened read-only.', 'read-only'],
  ] as const)('stops %s', async (_case, code, message, status) => {
    const save = vi.fn(async () => {
      throw new EvidentError(code, message)
    })
    const { type, statuses } = setup(save)
    type('mine')
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS)
    type('more of mine')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(save).toHaveBeenCalledTimes(1)
    expect(statuses.at(-1)).toBe(status)
  })
})
