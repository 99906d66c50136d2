/**
 * How deeply an argument may nest. A brief's Lexical JSON nests a few levels per list level, so real briefs
 * stay far below this; a request built to nest 20,000 deep would otherwise overflow the stack of the
 * recursive validators behind it and surface as an internal error instead of a refusal.
 */
export const MAX_ARGUMENT_DEPTH = 256

/** Whether `value` nests objects or arrays deeper than `limit`, found without recursion (so it cannot overflow). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length) {
    const [current, depth] = stack.pop()!
    if (typeof current !== 'object' || current === null) continue
    if (depth >= limit) return true
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1])
    }
  }
  return false
}
