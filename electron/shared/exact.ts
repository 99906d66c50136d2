/**
 * true only when A and B are the same union: the compile-time check that keeps a hand-written list of names
 * (methods, events) from drifting from the type it lists.
 */
export type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/**
 * A run-time list of every name in `Union` (a type, gone at run time), checked as it is written: a name the
 * type has and the list lacks fails the build there, naming what is missing, and a name the type lacks is
 * refused as not assignable. Usage: `listOfEvery<EventName>()(['project.changed', …])`.
 */
export const listOfEvery =
  <Union extends string>() =>
  <const List extends readonly Union[]>(list: List & (Exact<List[number], Union> extends true ? unknown : { missing: Exclude<Union, List[number]> })): List =>
    list
