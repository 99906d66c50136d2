/**
 * A saved web page or a .docx as the Original view shows it: HTML already sanitised in a parser process
 * (no script, no form, no link that navigates, nothing that loads from outside), and the page's own style
 * sheet with every outside url() taken out. The renderer puts it in a sandboxed frame; it is never trusted
 * beyond that.
 */
export interface OriginalView {
  format: 'html' | 'docx'
  /** The body's content. Images and media that would load from outside are placeholders (`data-evident-blocked`). */
  body: string
  /** The page's <style> rules, without @import, @font-face or outside url(). */
  css: string
  /** What was not loaded and is shown as a placeholder or left out. */
  blocked: { images: number; fonts: number }
}
