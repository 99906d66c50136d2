import { z } from 'zod'
import type { OpenableProject, ProjectInfo } from '../dto/project'
import { empty, fileHandle } from './common'

export const projectArgs = {
  'project.info': empty,
  /**
   * file: a project to open, from files.pickForReading or a recent project's handle (project.recent), never a path.
   * readOnly: to read a project another Evident is writing (the window says so; changes are refused).
   */
  'project.open': z.object({ file: fileHandle, readOnly: z.boolean().optional() }).strict(),
  /** file: a place to write, from files.pickForWriting (in browser mode a download, refused here). */
  'project.create': z.object({ file: fileHandle, starter: z.boolean().default(false) }).strict(),
  /** file: a place to write, from files.pickForWriting (in browser mode the copy comes back as a download). */
  'project.saveCopy': z.object({ file: fileHandle }).strict(),
  'project.recent': empty,
}

export interface ProjectResults {
  'project.info': ProjectInfo
  'project.open': ProjectInfo
  'project.create': ProjectInfo
  /** The name the analyst chose for the copy (never where the door put it). */
  'project.saveCopy': { name: string }
  /** Each with a handle to open it by, so the window never passes a path back. */
  'project.recent': OpenableProject[]
}
