import type { Migration } from '../migration'

/**
 * A brief's house layout (numbered paragraphs, the key-messages box) and its target length, as versioned JSON
 * beside the export additions; NULL means the defaults. Beside the brief, not in its Lexical JSON: they are
 * settings of the brief as a whole, changed from Brief settings, and an older Evident opening the brief
 * simply does not see them.
 */
export const briefLayout: Migration = {
  version: 13,
  name: 'brief-layout',
  up: `ALTER TABLE briefs ADD COLUMN layout TEXT;`,
}
