import { describe, expect, it } from 'vitest'
import { runCrashTrials } from '../helpers/crash-trials'

describe('nothing acknowledged is lost when the process is killed', () => {
  it('kill -9 at random moments during claim creation, autosave and import: every acknowledged edit is there after restart, and the file is whole', async () => {
    const totals = await runCrashTrials(8)
    console.log(`crash trials: ${totals.trials} kill -9, ${totals.acknowledged} acknowledged edits, ${totals.lost} lost, ${totals.corrupt} corrupt files`)
    expect(totals.failures).toEqual([])
    expect(totals.acknowledged).toBeGreaterThan(totals.trials)
  }, 120_000)
})
