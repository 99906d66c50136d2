import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'

export interface PdfjsDataFolders {
  /** Adobe's character maps (packed .bcmap): how CJK fonts' codes become characters. */
  cmaps: string
  /** The 14 standard fonts' programs, for PDFs that name one without embedding it. */
  standardFonts: string
}

let folders: PdfjsDataFolders | undefined

/**
 * The folders of data files that ship inside pdfjs-dist, found where Node resolves the package (the app's own
 * node_modules, inside app.asar when packed). pdf.js reads them itself, by name from its own list of maps, so
 * a PDF cannot make it open anything else; the parser process is allowed to read exactly these (node-process.ts).
 * Each ends with a separator: pdf.js appends file names to them.
 */
export function pdfjsDataFolders(): PdfjsDataFolders {
  if (!folders) {
    const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'))
    folders = { cmaps: join(root, 'cmaps') + sep, standardFonts: join(root, 'standard_fonts') + sep }
  }
  return folders
}
