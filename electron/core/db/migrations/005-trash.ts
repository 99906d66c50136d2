import type { Migration } from '../migration'

/**
 * The Trash is a table of its own holding each trashed item's rows, not a `trashed_at` column on every table.
 * Sources and claims are read by many queries across domains (search, suggestions, snapshots, export, the
 * reader) and more are added each round; with a column, every one of them would have to learn to leave
 * trashed rows out, and one that forgot would show or cite something the analyst threw away. Moving the rows
 * out keeps every live table true by construction. (Briefs keep their `deleted_at` column from the first
 * schema: their rows carry their revisions, and every brief query already filters it.)
 *
 * `claims.orphaned_from` keeps the sha256 of the file whose removal orphaned a claim, so importing those
 * bytes again (after the Trash was emptied) can re-attach the claim by itself.
 */
export const trash: Migration = {
  version: 5,
  name: 'trash',
  up: `
    CREATE TABLE trash (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('source', 'claim', 'tag', 'question')),
      item_id TEXT NOT NULL,
      name TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '',
      meta TEXT NOT NULL DEFAULT '{}',
      -- Rows that stayed but lost their link to the item (ON DELETE SET NULL), put back on restore.
      nulled TEXT NOT NULL DEFAULT '[]',
      trashed_at TEXT NOT NULL
    );
    CREATE INDEX trash_by_item ON trash (kind, item_id);
    CREATE TABLE trash_rows (
      trash_id TEXT NOT NULL REFERENCES trash(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      table_name TEXT NOT NULL,
      row_json TEXT NOT NULL,
      blob BLOB,
      PRIMARY KEY (trash_id, seq)
    ) WITHOUT ROWID;
    ALTER TABLE claims ADD COLUMN orphaned_from TEXT;
    CREATE INDEX claims_by_orphaned_from ON claims (orphaned_from) WHERE orphaned_from IS NOT NULL;
  `,
}
