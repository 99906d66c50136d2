/** A piece of idle work: does up to `budgetMs` of it and returns itself (or another step) if more is left. */
export type IdleStep = (budgetMs: number) => IdleStep | void

/** How much of an idle period a step may take where the runtime cannot say (jsdom, old engines). */
const FALLBACK_BUDGET_MS = 5

/**
 * Runs `step` in idle periods, each within the time the browser says is free, until it has nothing left; the
 * returned function cancels what has not run. Typing is never made to wait for this work.
 */
export function whenIdle(step: IdleStep): () => void {
  let cancelled = false
  let handle: number | ReturnType<typeof setTimeout> | undefined
  const schedule = (next: IdleStep) => {
    if (typeof requestIdleCallback === 'function') {
      handle = requestIdleCallback((deadline) => run(next, deadline.timeRemaining()), { timeout: 2_000 })
    } else {
      handle = setTimeout(() => run(next, FALLBACK_BUDGET_MS), 50)
    }
  }
  const run = (current: IdleStep, budgetMs: number) => {
    if (cancelled) return
    const next = current(Math.max(1, budgetMs))
    if (next) schedule(next)
  }
  schedule(step)
  return () => {
    cancelled = true
    if (typeof cancelIdleCallback === 'function' && typeof handle === 'number') cancelIdleCallback(handle)
    else clearTimeout(handle as ReturnType<typeof setTimeout>)
  }
}
