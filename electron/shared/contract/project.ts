import { z } from 'zod'
import type { PickPathResult, ProjectInfo, RecentProject } from '../dto/project'
import { empty, name, path } from './common'

const fileFilter = z.object({ name: name, extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).max(20) }).strict()

export const projectArgs = {
  'project.info': empty,
  /** readOnly: to read a project another Evident is writing (the window says so; changes are refused). */
  'project.open': z.object({ path, readOnly: z.boolean().optional() }).strict(),
  'project.create': z.object({ path, starter: z.boolean().default(false) }).strict(),
  'project.saveCopy': z.object({ path }).strict(),
  'project.recent': empty,
  'platform.pickOpenPaths': z
    .object({ title: name, filters: z.array(fileFilter).max(10).default([]), multiple: z.boolean().default(false) })
    .strict(),
  'platform.pickSavePath': z
    .object({ title: name, defaultName: name, filters: z.array(fileFilter).max(10).default([]) })
    .strict(),
}

export interface ProjectResults {
  'project.info': ProjectInfo
  'project.open': ProjectInfo
  'project.create': ProjectInfo
  'project.saveCopy': { path: string }
  'project.recent': RecentProject[]
  'platform.pickOpenPaths': PickPathResult
  'platform.pickSavePath': PickPathResult
}
