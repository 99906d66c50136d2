import { z } from 'zod'
import type { PickedFile } from '../dto/files'
import { name } from './common'

export const fileFilter = z.object({ name: name, extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).max(20) }).strict()

/**
 * The one way the window asks for a file to read or a place to write. The door decides how: Electron shows
 * its native picker in main, browser mode's page uploads the chosen file or downloads what is written.
 */
export const filesArgs = {
  'files.pickForReading': z
    .object({ title: name, filters: z.array(fileFilter).max(10).default([]), multiple: z.boolean().default(false) })
    .strict(),
  'files.pickForWriting': z
    .object({ title: name, suggestedName: name, filters: z.array(fileFilter).max(10).default([]) })
    .strict(),
}

export interface FilesResults {
  /** Empty when the analyst cancelled. */
  'files.pickForReading': { files: PickedFile[] }
  'files.pickForWriting': { file: PickedFile | null }
}
