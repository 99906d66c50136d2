/**
 * Browser mode's memory after very large requests (issue 11). What stayed after a 100 MB body was glibc's
 * main heap, holding the socket's 64 KB read chunks: glibc's dynamic mmap threshold had grown past 64 KB, so
 * those chunks were carved from the heap and fragmented it, and freeing them gave nothing back. With the
 * threshold fixed at 64 KB they are mapped on their own and returned when freed (measured in the
 * server-memory bench). glibc reads its tunables only when a process starts, so the server sets the variable
 * and replaces itself (same process id, same arguments, same stdio) before it does anything else.
 */
const TUNABLE = 'glibc.malloc.mmap_threshold'
export const MMAP_THRESHOLD_BYTES = 65_536

/**
 * The environment to start again with, or null where nothing is to be done: not Linux (other C libraries
 * ignore the variable), or a threshold already chosen (by us a moment ago, or by whoever started us).
 */
export function envWithMallocTunables(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): NodeJS.ProcessEnv | null {
  if (platform !== 'linux') return null
  const current = env.GLIBC_TUNABLES ?? ''
  if (current.split(':').some((entry) => entry.startsWith(`${TUNABLE}=`))) return null
  const tunables = [current, `${TUNABLE}=${MMAP_THRESHOLD_BYTES}`].filter(Boolean).join(':')
  return { ...env, GLIBC_TUNABLES: tunables }
}

/** Replaces this process with itself under the tunable; returns only where that is not needed or not possible. */
export function restartWithMallocTunables(): void {
  const env = envWithMallocTunables(process.env, process.platform)
  // process.execve is Node 23.11+ on POSIX; without it the server simply runs with glibc's defaults.
  if (!env || typeof process.execve !== 'function') return
  process.execve(process.execPath, [process.execPath, ...process.execArgv, ...process.argv.slice(1)], env)
}
