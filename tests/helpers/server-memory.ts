import { readFileSync } from 'node:fs'
import { startServer } from '../e2e/harness'

/** The process's resident size in MB (what the system sees, not only V8's heap). Linux only: reads /proc. */
export function residentMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024
}

export interface LargeBodyMemory {
  beforeMb: number
  peakMb: number
  afterMb: number
  /** Each answer's HTTP status (the core refuses text this long with 400). */
  statuses: number[]
}

/**
 * Issue 11: one authorised 100 MB request left browser mode 340 MB bigger for good. Sends `requests` bodies
 * of `mb` MB to the built server and reads its resident size before, at its largest, and once it has settled
 * (up to `settleMs` after the last answer). `env` is added to the server's environment.
 */
export async function largeBodyMemory(requests = 3, mb = 100, settleMs = 4_000, env?: Record<string, string>): Promise<LargeBodyMemory> {
  const server = await startServer({ env })
  try {
    const send = async (body: string) => {
      const reply = await fetch(`http://127.0.0.1:${server.port}/api/invoke`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body,
      })
      await reply.text()
      return reply.status
    }
    await send(JSON.stringify({ method: 'project.info', args: {} }))
    const beforeMb = residentMb(server.pid)
    let peakMb = beforeMb
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, residentMb(server.pid))), 50)
    const statuses: number[] = []
    try {
      const body = JSON.stringify({ method: 'sources.parseRecords', args: { text: 'x'.repeat(mb * 1024 * 1024) } })
      for (let i = 0; i < requests; i++) statuses.push(await send(body))
    } finally {
      clearInterval(sampler)
    }
    let afterMb = residentMb(server.pid)
    for (let waited = 0; waited < settleMs && afterMb > beforeMb + 20; waited += 100) {
      await new Promise((r) => setTimeout(r, 100))
      afterMb = residentMb(server.pid)
    }
    return { beforeMb, peakMb, afterMb, statuses }
  } finally {
    await server.stop()
  }
}
