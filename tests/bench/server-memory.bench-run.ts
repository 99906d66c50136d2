import { describe, it } from 'vitest'
import { largeBodyMemory } from '../helpers/server-memory'
import { fmt, report } from './bench-helpers'

// Issue 11: after 100 MB bodies browser mode's memory is back within 50 MB of where it was (it stayed 340 MB
// bigger before bodies were read into one buffer and collected after).
describe('browser mode after very large requests', () => {
  it('resident size before, at its largest and after three 100 MB requests', async () => {
    if (process.platform !== 'linux') return report('server memory: skipped, reads /proc')
    for (let run = 1; run <= 3; run++) {
      const m = await largeBodyMemory()
      report(
        `server memory, run ${run}: ${fmt(m.beforeMb, 0)} MB before, ${fmt(m.peakMb, 0)} MB at most, ${fmt(m.afterMb, 0)} MB after: ` +
          `${fmt(m.afterMb - m.beforeMb, 0)} MB more (goal ≤ 50; 340 before the fix) · answers ${m.statuses.join(', ')}`,
      )
    }
  })
})
