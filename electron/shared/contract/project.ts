import { z } from 'zod'
import type { ProjectInfo, RecentProject } from '../dto/project'
import { empty, fileHandle, path } from './common'

export const projectArgs = {
  'project.info': empty,
  /** readOnly: to read a project another Evident is writing (the window says so; changes are refused). */
  'project.open': z.object({ path, readOnly: z.boolean().optional() }).strict(),
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
  'project.recent': RecentProject[]
}
