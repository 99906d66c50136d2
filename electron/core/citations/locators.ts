import type { CiteInput } from './engine'

/** Whole numbers sort by value ("9, 11", not "11, 9"); anything else (a page "iv") keeps the analyst's order. */
function joinValues(values: string[]): string {
  const unique = [...new Set(values)]
  if (unique.every((v) => /^\d+$/.test(v))) unique.sort((a, b) => Number(a) - Number(b))
  return unique.join(', ')
}

/**
 * A cluster citing one work twice is one cite of it with both pinpoints, as a copy-editor (and a pandoc user,
 * `[@drage, paras 9, 11]`) writes it: "(Drage, 2015, paras 9, 11)", not citeproc's "(Drage, 2015, para. 11,
 * 2015, para. 9)". Cites of one work merge when their pinpoints are of one kind (paragraphs, or a PDF's pages),
 * at the place of its first cite; a cite with no pinpoint adds nothing to one that has some.
 */
export function mergeSameWork(items: readonly CiteInput[]): CiteInput[] {
  const groups = new Map<string, CiteInput[]>()
  const order: string[] = []
  for (const item of items) {
    const key = `${item.sourceId}\0${item.locator?.label ?? ''}`
    const group = groups.get(key)
    if (group) group.push(item)
    else {
      groups.set(key, [item])
      order.push(key)
    }
  }
  const merged = order.map((key): CiteInput => {
    const group = groups.get(key)!
    const first = group[0]!
    if (!first.locator) return first
    return { sourceId: first.sourceId, locator: { label: first.locator.label, value: joinValues(group.map((g) => g.locator!.value)) } }
  })
  // A work cited both with and without a pinpoint: the pinpointed cite says all the bare one did.
  const pinpointed = new Set(merged.filter((m) => m.locator).map((m) => m.sourceId))
  return merged.filter((m) => m.locator || !pinpointed.has(m.sourceId))
}
