import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { envWithMallocTunables, MMAP_THRESHOLD_BYTES } from '../../electron/server/malloc-tunables'
import { startServer } from '../e2e/harness'

describe('browser mode gives the memory of a very large request back', () => {
  it('starts on Linux with 64 KB allocations mapped on their own, keeping any tunables already set', () => {
    expect(envWithMallocTunables({ PATH: '/bin' }, 'linux')).toEqual({ PATH: '/bin', GLIBC_TUNABLES: `glibc.malloc.mmap_threshold=${MMAP_THRESHOLD_BYTES}` })
    expect(envWithMallocTunables({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux')?.GLIBC_TUNABLES).toBe(
      `glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=${MMAP_THRESHOLD_BYTES}`,
    )
  })

  it('starts only once: not again when a threshold is already chosen, and not off Linux', () => {
    expect(envWithMallocTunables({ GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072' }, 'linux')).toBeNull()
    expect(envWithMallocTunables({ GLIBC_TUNABLES: `glibc.malloc.mmap_threshold=${MMAP_THRESHOLD_BYTES}` }, 'linux')).toBeNull()
    expect(envWithMallocTunables({}, 'darwin')).toBeNull()
    expect(envWithMallocTunables({}, 'win32')).toBeNull()
  })

  it.runIf(process.platform === 'linux')('the running server, with the same process id the launcher knows, has the tunable set', async () => {
    const server = await startServer()
    try {
      const environ = readFileSync(`/proc/${server.pid}/environ`, 'utf8').split('\0')
      expect(environ).toContain(`GLIBC_TUNABLES=glibc.malloc.mmap_threshold=${MMAP_THRESHOLD_BYTES}`)
    } finally {
      await server.stop()
    }
  })
})
