import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: string[]
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules, and best practice) on what the page shows now and returns its
 * violations, each with the selectors of the elements at fault. axe is evaluated through the debugging
 * protocol, so the app's Content-Security-Policy (no inline script) stays as it is.
 */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(context ?? document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
  }, include ?? null)
}

/** The violations as lines a failing test can print: rule, help text and where. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`).join('\n')
}

/**
 * Where one rule passes, needs review ("incomplete": axe could not decide) and fails, by selector. A rule
 * axe cannot decide is a fault the zero-violations check alone would let through.
 */
export async function axeRuleOutcome(page: Page, rule: string): Promise<{ passes: string[]; incomplete: string[]; violations: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async (rule) => {
    type Result = { nodes: { target: string[] }[] }
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Record<'passes' | 'incomplete' | 'violations', Result[]>> } }).axe
    const result = await axe.run(document, { runOnly: [rule] })
    const targets = (list: Result[]) => list.flatMap((r) => r.nodes.map((n) => n.target.join(' ')))
    return { passes: targets(result.passes), incomplete: targets(result.incomplete), violations: targets(result.violations) }
  }, rule)
}
