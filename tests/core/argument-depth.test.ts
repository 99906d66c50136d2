import { describe, expect, it } from 'vitest'
import { MAX_ARGUMENT_DEPTH, nestsDeeperThan } from '../../electron/core/depth'
import { dispatch } from '../../electron/core/app/dispatch'
import type { Handlers } from '@shared/contract/index'

const nested = (depth: number): unknown => {
  let value: unknown = 1
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

describe('arguments nested beyond reason are refused before any validator sees them', () => {
  it('measures depth without recursion, even a million levels down', () => {
    expect(nestsDeeperThan(nested(1_000_000), MAX_ARGUMENT_DEPTH)).toBe(true)
    expect(nestsDeeperThan(nested(MAX_ARGUMENT_DEPTH), MAX_ARGUMENT_DEPTH)).toBe(false)
    expect(nestsDeeperThan([[[]]], 2)).toBe(true)
    expect(nestsDeeperThan('just text', 0)).toBe(false)
  })

  it('every door gets INVALID_INPUT, as the IPC and HTTP doors both dispatch here', async () => {
    await expect(dispatch({} as Handlers, 'sources.updateRecord', { id: 'x', csl: nested(20_000) })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: `The request is nested more than ${MAX_ARGUMENT_DEPTH} levels deep, so it was refused.`,
    })
  })

  it('lets a brief with lists nested twenty deep through', () => {
    let list: unknown = { type: 'text', text: 'deepest' }
    for (let i = 0; i < 20; i++) list = { type: 'list', children: [{ type: 'listitem', children: [list] }] }
    expect(nestsDeeperThan({ id: 'x', content: { root: { children: [list] } } }, MAX_ARGUMENT_DEPTH)).toBe(false)
  })

})
