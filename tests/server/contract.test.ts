import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '@shared/contract/index'
import { METHOD_NAME_LIST } from '@shared/method-names'
import { invoke, startServer, type Running } from './helpers'

let app: Running
beforeAll(async () => {
  app = await startServer()
})
afterAll(() => app.close())

describe('every contract method is reachable through browser mode', () => {
  // `{}` is valid for the list-style methods and invalid for the rest: either way the call must get past
  // routing to the method's own schema or handler, never to "there is no method called …".
  it.each(METHOD_NAMES)('%s reaches its handler', async (method) => {
    const reply = await invoke(app.port, method, {})
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(typeof reply.json.ok).toBe('boolean')
    if (reply.json.ok) {
      expect(reply.status).toBe(200)
      return
    }
    expect(reply.json.error?.message).not.toMatch(/There is no method called/)
    expect(reply.status === 404 && reply.json.error?.code === 'NOT_FOUND' && /no method/.test(reply.json.error.message)).toBe(false)
  })

  it('checks the whole allowlist, not an empty one', () => {
    expect([...METHOD_NAMES].sort()).toEqual([...METHOD_NAME_LIST].sort())
  })
})
