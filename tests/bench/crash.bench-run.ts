import { describe, it } from 'vitest'
import { runCrashTrials } from '../helpers/crash-trials'
import { report } from './bench-helpers'

// Issue 11: `npm test` runs a few kill -9 trials; the full hundred run here and print their totals.
describe('crash safety', () => {
  it('100 kill -9 trials during claim creation, autosave and import', async () => {
    const started = Date.now()
    const totals = await runCrashTrials(100)
    report(`kill -9 trials: ${totals.trials} trials, ${totals.acknowledged} acknowledged edits, ${totals.lost} lost, ${totals.corrupt} corrupt files (${((Date.now() - started) / 1000).toFixed(0)} s)`)
    for (const failure of totals.failures.slice(0, 20)) report(`  ${failure}`)
  })
})
