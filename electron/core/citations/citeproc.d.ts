// citeproc-js ships no typings; these are the few calls Evident makes (see citeproc_commonjs.js).
declare module 'citeproc' {
  namespace CSL {
    /** What processCitationCluster compares to decide that a citation's text must be formatted again. */
    let POSITION_TEST_VARS: string[]
    /** processCitationCluster's flag: updateItems has been called with every item, in order of first citation. */
    const ASSUME_ALL_ITEMS_REGISTERED: number

    interface Sys {
      retrieveLocale(lang: string): string
      retrieveItem(id: string): unknown
    }

    interface CitationItem {
      id: string
      locator?: string
      label?: string
    }

    interface Citation {
      citationID: string
      citationItems: CitationItem[]
      properties: { noteIndex: number }
    }

    interface BibliographyMeta {
      entry_ids: string[][]
      bibliography_errors: unknown[]
      'second-field-align'?: string | false
      hangingindent?: boolean
    }

    interface BibliographySection {
      include?: { field: string; value: string }[]
    }

    /** citeproc's record of one registered item (registry.registry[id]), of which Evident reads these fields. */
    interface RegistryEntry {
      id: string
      /** The item's citation number. */
      seq: number
      /** What disambiguation added to it (names, givens, year suffix), or false. */
      disambig: unknown
      /** Set for parallel citations, which render as one entry. */
      siblings?: unknown
      master?: unknown
    }

    class Engine {
      // Internals read by the kept reference list (kept-bibliography.ts); citeproc has no public call for them.
      registry: { reflist: RegistryEntry[] }
      opt: { citation_number_slug: string | false }
      bibliography: { opt: Record<string, unknown> & { consolidate_containers?: unknown[] } }
      bibliography_sort: { tmp: { citation_number_map?: unknown } }
      constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean)
      setOutputFormat(format: 'html' | 'text' | 'rtf'): void
      updateItems(ids: string[]): void
      getOpt(name: string): unknown
      rebuildProcessorState(citations: Citation[], mode?: 'html' | 'text' | 'rtf'): [string, number, string][]
      processCitationCluster(citation: Citation, pre: [string, number][], post: [string, number][], flag?: number): [{ bibchange: boolean }, [number, string, string][]]
      makeBibliography(section?: BibliographySection): [BibliographyMeta, string[]] | false
    }
  }
  export default CSL
}
