import { describe, it } from 'vitest'
import { report } from './bench-helpers'
import { benchExport } from './export-bench'

describe('export benchmark', () => {
  it('a 50-page brief with 300 citations from 120 sources, and the same at 10×: evident export against pandoc and pandoc --citeproc, time and peak memory', async () => {
    await benchExport(report)
  })
})
