import { describe, it } from 'vitest'
import { report } from './bench-helpers'
import { benchClaims } from './claims-bench'

describe('claims benchmarks', () => {
  it('library search on 10,000 sources and 100,000 claims, against raw FTS5; re-anchoring 1,000 claims', async () => {
    await benchClaims(report)
  })
})
