import type { Migration } from '../migration'

/** The first schema: every table the product needs, so later features add columns, not rewrites. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    CREATE TABLE sources (
      id TEXT PRIMARY KEY,
      format TEXT NOT NULL,
      mime TEXT NOT NULL,
      file_name TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE,
      byte_size INTEGER NOT NULL,
      csl TEXT NOT NULL,
      title TEXT NOT NULL,
      text TEXT NOT NULL,
      paragraphs TEXT NOT NULL,
      note_markers TEXT NOT NULL DEFAULT '[]',
      imported_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE source_files (
      source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      data BLOB NOT NULL
    );
    CREATE VIRTUAL TABLE source_text_fts USING fts5(
      text, source_id UNINDEXED, paragraph UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2'
    );

    CREATE TABLE questions (
      id TEXT PRIMARY KEY,
      text TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE tags (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      parent_id TEXT REFERENCES tags(id) ON DELETE CASCADE,
      created_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX tags_unique_sibling ON tags (COALESCE(parent_id, ''), name COLLATE NOCASE);

    CREATE TABLE claims (
      id TEXT PRIMARY KEY,
      source_id TEXT REFERENCES sources(id) ON DELETE SET NULL,
      source_title TEXT NOT NULL DEFAULT '',
      statement TEXT NOT NULL,
      quote TEXT NOT NULL,
      anchor TEXT NOT NULL,
      evidence_type TEXT,
      strength TEXT,
      note TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphaned')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX claims_by_source ON claims (source_id);
    CREATE INDEX claims_by_created ON claims (created_at);
    CREATE TABLE claim_tags (
      claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (claim_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX claim_tags_by_tag ON claim_tags (tag_id);
    CREATE TABLE claim_stances (
      claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
      question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
      stance TEXT NOT NULL CHECK (stance IN ('supports', 'opposes', 'mixed', 'neutral')),
      PRIMARY KEY (claim_id, question_id)
    ) WITHOUT ROWID;
    CREATE INDEX claim_stances_by_question ON claim_stances (question_id, stance);
    CREATE VIRTUAL TABLE claims_fts USING fts5(
      statement, quote, note, tags, source_title,
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE dismissed_suggestions (
      source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      PRIMARY KEY (source_id, key)
    ) WITHOUT ROWID;

    CREATE TABLE briefs (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      question_id TEXT REFERENCES questions(id) ON DELETE SET NULL,
      template TEXT NOT NULL,
      style TEXT NOT NULL DEFAULT 'vancouver',
      notes TEXT NOT NULL DEFAULT 'footnotes',
      content TEXT NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      deleted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE TABLE brief_revisions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      brief_id TEXT NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
      revision INTEGER NOT NULL,
      content TEXT NOT NULL,
      word_count INTEGER NOT NULL DEFAULT 0,
      saved_at TEXT NOT NULL
    );
    CREATE INDEX brief_revisions_by_brief ON brief_revisions (brief_id, revision);

    CREATE TABLE styles (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      kind TEXT NOT NULL,
      xml TEXT NOT NULL,
      added_at TEXT NOT NULL
    );
  `,
}
