import type { Migration } from '../migration'

/** Creation and restore points are pinned: autosave bursts never fold into them. */
export const pinnedRevisions: Migration = {
  version: 2,
  name: 'pinned-revisions',
  up: `ALTER TABLE brief_revisions ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;`,
}
