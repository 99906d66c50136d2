import { findParserEntry } from '../../core/app/resources'
import { toErrorPayload } from '../../core/errors'
import { nodeParserPool } from '../../core/sources/parse/node-process'

export interface ReaderReport {
  entry: string | null
  reads: boolean
  error?: string
}

/**
 * Starts a document reader the way browser mode and the CLI do (a child process under Node's permission
 * model) and has it read a one-line note: proves imports can work on this machine, not only that a file exists.
 */
export async function checkDocumentReader(startDir: string): Promise<ReaderReport> {
  let entry: string
  try {
    entry = findParserEntry(startDir)
  } catch (error) {
    return { entry: null, reads: false, error: (error as Error).message }
  }
  const pool = nodeParserPool(entry, { size: 1, time: { baseMs: 15_000 } })
  try {
    const document = await pool.parse({ fileName: 'doctor.txt', bytes: new TextEncoder().encode('Evident doctor reads this line.') })
    return document.blocks.length ? { entry, reads: true } : { entry, reads: false, error: 'it answered with no text' }
  } catch (error) {
    return { entry, reads: false, error: toErrorPayload(error).message }
  } finally {
    await pool.close()
  }
}
