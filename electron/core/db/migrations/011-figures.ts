import type { Migration } from '../migration'

/**
 * Pictures inserted into briefs. The bytes live here, not in the brief's JSON: a brief is saved within a
 * second of every keystroke and kept in revisions, and megabytes of base64 in it would be copied each time.
 * The brief's figure node holds the id, the alt text and the caption. One row per distinct picture (sha256),
 * shared by every brief, copy and revision that shows it, so none of them can lose it to another's edit.
 */
export const figures: Migration = {
  version: 11,
  name: 'figures',
  up: `CREATE TABLE figures (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    media_type TEXT NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    byte_size INTEGER NOT NULL,
    name TEXT NOT NULL,
    bytes BLOB NOT NULL,
    created_at TEXT NOT NULL
  );`,
}
