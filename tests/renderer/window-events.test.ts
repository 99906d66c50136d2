import { describe, expect, it } from 'vitest'
import { rendererSources } from '../helpers/renderer-sources'

const files = rendererSources()
const HELPERS = 'ui/window-events.ts'

/** Every `export const X = defineWindowEvent<…>('evident:…')`, with the file that owns it. */
const defined = files.flatMap((f) =>
  [...f.text.matchAll(/export const (\w+) = defineWindowEvent<[^>]*>\('([^']+)'\)/g)].map((m) => ({ constant: m[1]!, name: m[2]!, file: f.name })),
)

/** Names of the functions that send an event: emitWindowEvent itself, and any helper whose body calls it with the constant. */
function senders(constant: string): string[] {
  return files.filter((f) => new RegExp(`emitWindowEvent\\(${constant}\\b`).test(f.text)).map((f) => f.name)
}

function usesOf(pattern: RegExp): string[] {
  return files.filter((f) => f.name !== HELPERS && pattern.test(f.text)).map((f) => f.name)
}

describe("the renderer's own window events", () => {
  it('are each defined once, in the owning feature’s events.ts, under an evident: name', () => {
    expect(defined.length).toBeGreaterThan(0)
    for (const event of defined) expect(event.file, event.constant).toMatch(/^features\/[\w-]+\/events\.ts$/)
    expect(new Set(defined.map((e) => e.name)).size).toBe(defined.length)
  })

  it('go only through the typed helpers: no raw CustomEvent or evident: listener elsewhere', () => {
    expect(usesOf(/new CustomEvent\b/)).toEqual([])
    expect(usesOf(/addEventListener\(\s*['"`]evident:/)).toEqual([])
    expect(usesOf(/addEventListener\(\s*[A-Z_]+_EVENT\b/)).toEqual([])
  })

  it('every event sent somewhere in the app is heard somewhere in the app, and every one heard is sent', () => {
    const report = defined.map((event) => {
      const sent = senders(event.constant)
      // A helper in events.ts (requestExport, requestImport) sends it; then the app must call that helper.
      const helper = files
        .find((f) => f.name === event.file)
        ?.text.match(new RegExp(`export function (\\w+)\\([^)]*\\)[^{]*\\{\\s*emitWindowEvent\\(${event.constant}\\b`))?.[1]
      const sentInApp = helper ? usesOf(new RegExp(`\\b${helper}\\(`)).filter((f) => f !== event.file) : sent
      const heard = usesOf(new RegExp(`(useWindowEvent|listenWindowEvent)\\(${event.constant}\\b`))
      return { event: event.name, sent: sentInApp.length > 0, heard: heard.length > 0 }
    })
    expect(report).toEqual(defined.map((e) => ({ event: e.name, sent: true, heard: true })))
  })
})
