import type { Migration } from '../migration'

/**
 * A claim that cites a source as a whole work, with no quote: how a reference-only source (a record with no
 * text yet) is cited. Its quote is empty and its anchor points nowhere; tying it to a passage once the full
 * text is attached (claims.reattach) clears the flag. A column rather than "the quote is empty", so no reader
 * has to guess what an empty quote means.
 */
export const wholeWork: Migration = {
  version: 10,
  name: 'whole-work',
  up: `ALTER TABLE claims ADD COLUMN whole_work INTEGER NOT NULL DEFAULT 0;`,
}
