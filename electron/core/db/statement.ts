import type Database from 'better-sqlite3'

type Db = Database.Database
type Params = unknown[]

const cache = new WeakMap<Db, Map<string, Database.Statement<Params, unknown>>>()

function prepared(db: Db, sql: string, pluck: boolean): Database.Statement<Params, unknown> {
  let statements = cache.get(db)
  if (!statements) {
    statements = new Map()
    cache.set(db, statements)
  }
  // pluck() changes the statement itself, so a plucked statement is cached apart from its row-returning twin.
  const key = pluck ? `pluck:${sql}` : sql
  let statement = statements.get(key)
  if (!statement) {
    statement = db.prepare<Params, unknown>(sql)
    if (pluck) statement.pluck()
    statements.set(key, statement)
  }
  return statement
}

/**
 * A statement returning rows of type R, prepared once for the life of the connection: search runs the same
 * few statements thousands of times, and preparing each time would cost more than the query on small
 * result sets. The row type is declared here, once per statement, instead of cast at each call.
 */
export function query<R, P extends Params = Params>(db: Db, sql: string): Database.Statement<P, R> {
  return prepared(db, sql, false) as Database.Statement<P, R>
}

/** A statement whose rows are one column's values (COUNT(*), a list of ids...), prepared once per connection. */
export function column<V, P extends Params = Params>(db: Db, sql: string): Database.Statement<P, V> {
  return prepared(db, sql, true) as Database.Statement<P, V>
}

/** A statement run for its effect (INSERT, UPDATE, DELETE), prepared once per connection. */
export function command<P extends Params = Params>(db: Db, sql: string): Database.Statement<P, never> {
  return prepared(db, sql, false) as Database.Statement<P, never>
}

/** Binds a list of ids as one parameter, so IN lists never hit SQLite's variable limit. */
export function idList(ids: readonly string[]): string {
  return JSON.stringify(ids)
}
