import { describe, expect, it } from 'vitest'
import { rendererSources } from '../helpers/renderer-sources'

const files = rendererSources()

describe('one way to reach the core from the renderer', () => {
  it('only the app root chooses the door; everything else asks <ApiProvider> through useApi()', () => {
    const choosers = files.filter((f) => /\bconnectApi\b/.test(f.text)).map((f) => f.name)
    expect(choosers.sort()).toEqual(['api/client.ts', 'main.tsx'])
  })

  it('no module reads window.evident or creates an HTTP client of its own', () => {
    const offenders = files
      .filter((f) => f.name !== 'api/client.ts' && f.name !== 'api/http-client.ts')
      .filter((f) => /window\.evident\b|\bcreateHttpApi\(/.test(f.text))
      .map((f) => f.name)
    expect(offenders).toEqual([])
  })

  it('the components that call the core find it in the context', () => {
    const users = files.filter((f) => /\bapi\.(invoke|on)\(/.test(f.text))
    expect(users.length).toBeGreaterThan(20)
    // Plain helpers take the api as a parameter; components and hooks take it from useApi().
    const stray = users.filter((f) => !/\buseApi\(\)/.test(f.text) && !/\bapi: EvidentApi\b/.test(f.text)).map((f) => f.name)
    expect(stray).toEqual([])
  })
})
