import type { EditorThemeClasses } from 'lexical'

/** Class names the brief's CSS styles; Lexical puts them on the elements it renders. */
export const BRIEF_THEME: EditorThemeClasses = {
  paragraph: 'brief-p',
  heading: { h1: 'brief-h1', h2: 'brief-h2', h3: 'brief-h3', h4: 'brief-h4', h5: 'brief-h4', h6: 'brief-h4' },
  quote: 'brief-quote',
  list: {
    ul: 'brief-ul',
    ol: 'brief-ol',
    listitem: 'brief-li',
    nested: { listitem: 'brief-li-nested' },
  },
  link: 'brief-link',
  mark: 'brief-comment',
  markOverlap: 'brief-comment-overlap',
  table: 'brief-table',
  tableRow: 'brief-table-row',
  tableCell: 'brief-table-cell',
  tableCellHeader: 'brief-table-header',
  tableSelection: 'brief-table-selection',
  text: { bold: 'brief-bold', italic: 'brief-italic', underline: 'brief-underline' },
}
