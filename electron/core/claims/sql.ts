import type Database from 'better-sqlite3'

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/**
 * A prepared statement reused for the life of the connection: search runs the same few statements
 * thousands of times, and preparing each time would cost more than the query on small result sets.
 */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db)
  if (!statements) {
    statements = new Map()
    cache.set(db, statements)
  }
  let statement = statements.get(sql)
  if (!statement) {
    statement = db.prepare(sql)
    statements.set(sql, statement)
  }
  return statement
}

/** Binds a list of ids as one parameter, so IN lists never hit SQLite's variable limit. */
export function idList(ids: readonly string[]): string {
  return JSON.stringify(ids)
}
