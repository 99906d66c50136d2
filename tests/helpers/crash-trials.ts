import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { callApi, startServer, type EvidentServer } from '../e2e/harness'
import { seededRandom } from '../bench/bench-helpers'

/**
 * kill -9 at random moments while an analyst's edits are being saved, through the real browser-mode door:
 * every edit the server acknowledged (answered 200) must be in the project when it is opened again, and the
 * file must pass SQLite's integrity check. Edits are claims made from source text, autosaves of a brief, and
 * imports.
 */
export interface CrashTotals {
  trials: number
  acknowledged: number
  lost: number
  corrupt: number
  failures: string[]
}

interface Acked {
  claims: Map<string, string>
  briefText: string | null
  /** The autosave in flight when the process died: it may have reached the disk without its answer reaching us. */
  briefInFlight: string | null
  imports: Set<string>
}


type Node = { type?: string; text?: string; children?: Node[] }
function firstText(node: Node): Node | null {
  if (node.type === 'text') return node
  for (const child of node.children ?? []) {
    const found = firstText(child)
    if (found) return found
  }
  return null
}

/** Edits as fast as the server acknowledges them, until the server is gone. */
async function edit(server: EvidentServer, trial: number, random: () => number, acked: Acked): Promise<void> {
  const sources = await callApi<{ id: string }[]>(server, 'sources.list', {})
  // The starter's five: the imports that pile up over the trials need not be fetched before each one.
  const texts = await Promise.all(sources.slice(0, 5).map((s) => callApi<{ id: string; text: string }>(server, 'sources.get', { id: s.id })))
  const briefs = await callApi<{ id: string }[]>(server, 'briefs.list', {})
  for (let n = 0; ; n++) {
    const kind = n % 5
    if (kind < 3) {
      const source = texts[Math.floor(random() * texts.length)]!
      const start = Math.floor(random() * (source.text.length - 80))
      const exact = source.text.slice(start, start + 20 + Math.floor(random() * 50))
      if (!exact.trim()) continue
      const statement = `trial ${trial} claim ${n}`
      const claim = await callApi<{ id: string }>(server, 'claims.create', { sourceId: source.id, start, end: start + exact.length, exact, statement })
      acked.claims.set(claim.id, statement)
    } else if (kind === 3 && briefs[0]) {
      const brief = await callApi<{ content: { editorState: { root: Node } }; revision: number }>(server, 'briefs.get', { id: briefs[0].id })
      const text = firstText(brief.content.editorState.root)
      if (!text) continue
      text.text = `Autosaved in trial ${trial}, edit ${n}.`
      acked.briefInFlight = text.text
      await callApi(server, 'briefs.save', { id: briefs[0].id, content: JSON.stringify(brief.content), baseRevision: brief.revision })
      acked.briefText = text.text
    } else {
      const name = `trial-${trial}-import-${n}.txt`
      const body = `Imported in trial ${trial}\n\nEdit ${n} brings a note on general practice.`
      await callApi(server, 'sources.importData', { files: [{ name, dataBase64: Buffer.from(body).toString('base64') }] })
      // An import is acknowledged when its source is listed.
      for (;;) {
        const listed = await callApi<{ fileName: string }[]>(server, 'sources.list', {})
        if (listed.some((s) => s.fileName === name)) break
        await new Promise((r) => setTimeout(r, 20))
      }
      acked.imports.add(name)
    }
  }
}

async function verify(server: EvidentServer, acked: Acked): Promise<string[]> {
  const problems: string[] = []
  const claims = await callApi<{ items: { id: string; statement: string }[] }>(server, 'claims.search', { limit: 500 })
  const byId = new Map(claims.items.map((c) => [c.id, c.statement]))
  for (const [id, statement] of acked.claims) if (byId.get(id) !== statement) problems.push(`claim “${statement}” lost`)
  const sources = await callApi<{ fileName: string }[]>(server, 'sources.list', {})
  for (const name of acked.imports) if (!sources.some((s) => s.fileName === name)) problems.push(`import ${name} lost`)
  if (acked.briefText) {
    const briefs = await callApi<{ id: string }[]>(server, 'briefs.list', {})
    const brief = await callApi<{ content: { editorState: { root: Node } } }>(server, 'briefs.get', { id: briefs[0]!.id })
    const stored = firstText(brief.content.editorState.root)?.text
    // A newer save that was under way may have landed too (durable, only its answer was lost): not a loss.
    if (stored !== acked.briefText && stored !== acked.briefInFlight) problems.push(`autosave “${acked.briefText}” lost (found “${stored}”)`)
  }
  return problems
}

export async function runCrashTrials(trials: number, seed = 7): Promise<CrashTotals> {
  const random = seededRandom(seed)
  const dir = mkdtempSync(join(tmpdir(), 'evident-crash-'))
  const project = join(dir, 'crash.evident')
  const totals: CrashTotals = { trials, acknowledged: 0, lost: 0, corrupt: 0, failures: [] }
  try {
    for (let trial = 0; trial < trials; trial++) {
      const acked: Acked = { claims: new Map(), briefText: null, briefInFlight: null, imports: new Set() }
      const server = await startServer({ project, create: trial === 0 })
      const editing = edit(server, trial, random, acked).catch(() => undefined)
      await new Promise((r) => setTimeout(r, 150 + random() * 900))
      await server.crash()
      await editing
      await server.stop()
      const again = await startServer({ project })
      try {
        const problems = await verify(again, acked)
        totals.acknowledged += acked.claims.size + acked.imports.size + (acked.briefText ? 1 : 0)
        totals.lost += problems.length
        totals.failures.push(...problems.map((p) => `trial ${trial}: ${p}`))
      } finally {
        await again.stop()
      }
      const db = new Database(project, { readonly: true })
      const check = db.pragma('integrity_check', { simple: true })
      db.close()
      if (check !== 'ok') {
        totals.corrupt++
        totals.failures.push(`trial ${trial}: integrity_check said ${String(check)}`)
      }
    }
    return totals
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
