// citation-js ships no types; these cover the one entry point we use.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chainAsync(input: string, options: { forceType?: string; generateGraph?: boolean; target?: string }): Promise<unknown>
    }
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
