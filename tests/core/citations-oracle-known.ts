/**
 * Differences from pandoc's citeproc that are understood; each is explained in docs/citations.md ("The oracle").
 * Keyed by style; a difference is matched on its description (what, then Evident's text, then pandoc's).
 */

/** A style without a citation <sort> (Cite Them Right): citeproc-js keeps the analyst's order, pandoc reorders. */
const UNSORTED_ORDER = /^cluster \d+\n {2}evident: \(Iacobucci, 2014, para\. \d+; Jones, 2014, para\. \d+\)\n {2}pandoc: {2}\(Jones, 2014, para\. \d+; Iacobucci, 2014, para\. \d+\)$/
/** Evident's addition: a reference whose style printed no DOI gets its DOI link (switchable in the export dialog). */
const DOI_ADDED = /^starter references\n[\s\S]*https:\/\/doi\.org\/10\.1136\/bmj\.g6055/
/** citeproc-js prints IEEE's "[Online]." term before "Available:"; pandoc's citeproc leaves it out. */
const ONLINE_TERM = /\n {2}evident: [\s\S]*\[Online\]\. Available/
/**
 * Titles that differ only in a number ("Study 3…", "Study 23…") by the same authors: pandoc sorts numerals by
 * value, citeproc-js character by character, so the "———" for a repeated author falls on the other entry.
 */
const NUMERAL_SORT = /^record rec\d+ [^\n]*\n[\s\S]*: +———[.,]/

/** OSCOLA's "——" for a repeated first author: pandoc keeps "and others" after it, citeproc-js drops it. */
const SUBSTITUTE_ET_AL = /^record rec\d+ [^\n]*\n {2}evident: ——, [^\n]*\n {2}pandoc: {2}—— and others, /
/** OSCOLA, a conference paper without author or editor: citeproc-js leaves an empty group's ", " ("…’, , Proceedings"). */
const EMPTY_GROUP = /^record rec\d+ \(paper-conference\)\n {2}evident: [^\n]*’, , /

export const KNOWN_DIFFERENCES: Record<string, RegExp[]> = {
  harvard: [UNSORTED_ORDER],
    vancouver: [DOI_ADDED],
  chicago: [NUMERAL_SORT],
  oscola: [NUMERAL_SORT, SUBSTITUTE_ET_AL, EMPTY_GROUP, DOI_ADDED],
  ieee: [ONLINE_TERM],
  mhra: [NUMERAL_SORT],
}
