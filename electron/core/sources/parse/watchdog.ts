import { Worker } from 'node:worker_threads'
import { MEMORY_CEILING_MARKER } from './protocol'

/**
 * A memory ceiling for the whole parser process, not only V8's heap: pdf.js inflates streams into typed
 * arrays and zlib buffers that --max-old-space-size does not count. A thread of its own watches the resident
 * size, so a parser stuck in a synchronous loop on the main thread cannot stop it; past the ceiling it says
 * so on stderr (written synchronously, as the main thread may never run again) and ends the process.
 */
export function startMemoryWatchdog(maxRssBytes: number, intervalMs = 20): Worker {
  const source = `
    const { workerData } = require('node:worker_threads')
    const { writeSync } = require('node:fs')
    setInterval(() => {
      if (process.memoryUsage.rss() <= workerData.maxRssBytes) return
      try { writeSync(2, workerData.marker + '\\n') } catch {}
      process.kill(process.pid, 'SIGKILL')
    }, workerData.intervalMs)
  `
  const worker = new Worker(source, { eval: true, workerData: { maxRssBytes, intervalMs, marker: MEMORY_CEILING_MARKER } })
  // The watchdog never keeps the process alive on its own: the process lives while its link to the app does.
  worker.unref()
  return worker
}
