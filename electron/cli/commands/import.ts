import { resolve } from 'node:path'
import type { ImportProgress, ImportSummary } from '../../shared/dto/sources'
import { jsonOption, projectOption, wantsJson, type CliCommand, type CliIo } from '../command'
import { plural, printJson } from '../output'
import { requireProject, withProject, type OpenProject } from '../project'

/**
 * Runs the core's own import (runImportBatch over inputFromPath, one transaction per file) and waits for
 * its summary, so the CLI imports exactly as the app does and returns only when the batch is finished.
 */
export function importAndWait(project: OpenProject, paths: string[], onProgress: (p: ImportProgress) => void): Promise<ImportSummary> {
  return new Promise((resolvePromise, reject) => {
    let batchId: string | null = null
    const finished = new Map<string, ImportSummary>()
    const settle = (summary: ImportSummary) => {
      unsubscribe()
      resolvePromise(summary)
    }
    const unsubscribe = project.events.subscribe((event, payload) => {
      // A listener that threw would stop the batch itself, so progress output must never throw.
      try {
        if (event === 'import.progress') onProgress(payload as ImportProgress)
      } catch {
        /* progress is only informative */
      }
      if (event !== 'import.done') return
      const summary = payload as ImportSummary
      if (batchId === summary.batchId) settle(summary)
      else finished.set(summary.batchId, summary)
    })
    project.call('sources.import', { paths }).then(
      (started) => {
        batchId = started.batchId
        const early = finished.get(batchId)
        if (early) settle(early)
      },
      (error: unknown) => {
        unsubscribe()
        reject(error)
      },
    )
  })
}

function printSummary(io: CliIo, summary: ImportSummary): void {
  const { imported, duplicates, failed } = summary
  io.out(`${imported.length} imported, ${plural(duplicates.length, 'duplicate')} skipped, ${failed.length} failed.`)
  for (const item of imported) io.out(`  imported  ${item.fileName}: “${item.title}”`)
  for (const item of duplicates) io.out(`  skipped   ${item.fileName}: already in the project as “${item.existingTitle}”`)
  for (const item of failed) io.out(`  failed    ${item.fileName}: ${item.message}`)
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import files (.txt, .md, .html, .docx, .pdf) into a project; duplicates are skipped.',
  usage: 'evident import --project FILE PATH... [--json]',
  options: { project: projectOption, json: jsonOption },
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, label: 'at least one file to import' },
  async run(input, io, env) {
    const path = requireProject(input, 'import')
    const json = wantsJson(input)
    const files = input.positionals.map((p) => resolve(p))
    const summary = await withProject(env, path, { create: false }, (project) =>
      importAndWait(project, files, (p) => {
        if (!json) io.err(`file ${p.index} of ${p.total}: ${p.fileName}`)
      }),
    )
    if (json) printJson(io, summary)
    else printSummary(io, summary)
    if (summary.failed.length === 0) return 0
    if (!json) io.err(`evident: ${plural(summary.failed.length, 'file')} could not be imported (see above).`)
    return 1
  },
}
