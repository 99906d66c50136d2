/**
 * true only when A and B are the same union: the compile-time check that keeps a hand-written list of names
 * (methods, events) from drifting from the type it lists.
 */
export type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
