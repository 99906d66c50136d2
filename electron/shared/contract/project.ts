import { z } from 'zod'
import type { ProjectInfo, RecentProject } from '../dto/project'
import { empty, path } from './common'

export const projectArgs = {
  'project.info': empty,
  /** readOnly: to read a project another Evident is writing (the window says so; changes are refused). */
  'project.open': z.object({ path, readOnly: z.boolean().optional() }).strict(),
  'project.create': z.object({ path, starter: z.boolean().default(false) }).strict(),
  'project.saveCopy': z.object({ path }).strict(),
  'project.recent': empty,
}

export interface ProjectResults {
  'project.info': ProjectInfo
  'project.open': ProjectInfo
  'project.create': ProjectInfo
  'project.saveCopy': { path: string }
  'project.recent': RecentProject[]
}
