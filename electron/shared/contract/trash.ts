import { z } from 'zod'
import type { TrashEntry, TrashRestoreResult } from '../dto/trash'
import { MAX_TRASH_IDS } from '../limits'
import { empty, id } from './common'

const ids = z
  .array(id)
  .min(1, 'Choose at least one item in the Trash.')
  .max(MAX_TRASH_IDS, `At most ${MAX_TRASH_IDS} items can be restored or deleted at once.`)

export const trashArgs = {
  'trash.list': empty,
  /** All or nothing: one that cannot come back leaves every other where it was, with the reason. */
  'trash.restore': z.object({ ids }).strict(),
  /** Delete forever: the one irreversible step besides emptying the Trash. */
  'trash.purge': z.object({ ids }).strict(),
  'trash.empty': empty,
}

export interface TrashResults {
  'trash.list': TrashEntry[]
  'trash.restore': TrashRestoreResult
  'trash.purge': { purged: number }
  'trash.empty': { purged: number }
}
