// citeproc-js ships no typings; these are the few calls Evident makes (see citeproc_commonjs.js).
declare module 'citeproc' {
  namespace CSL {
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

    class Engine {
      constructor(sys: Sys, style: string, lang?: string, forceLang?: boolean)
      setOutputFormat(format: 'html' | 'text' | 'rtf'): void
      updateItems(ids: string[]): void
      getOpt(name: string): unknown
      rebuildProcessorState(citations: Citation[], mode?: 'html' | 'text' | 'rtf'): [string, number, string][]
      processCitationCluster(citation: Citation, pre: [string, number][], post: [string, number][]): [{ bibchange: boolean }, [number, string, string][]]
      makeBibliography(): [BibliographyMeta, string[]] | false
    }
  }
  export default CSL
}
