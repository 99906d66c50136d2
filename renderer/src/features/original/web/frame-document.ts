import type { OriginalView } from '@shared/dto/original-view'

/**
 * The frame's own policy, in force even if the sanitiser missed something: nothing loads but pictures already
 * in the page, and no script runs (the frame's sandbox has no allow-scripts either).
 */
export const FRAME_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

/** The page as a srcdoc: the policy first, then the sanitised body. Styles arrive through the CSSOM (frame-styles). */
export function frameDocument(view: OriginalView, title: string): string {
  const escapedTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}"><title>${escapedTitle}</title></head><body>${view.body}</body></html>`
}

/**
 * Marks by stance with the PDF view's colours and patterns (original.css): supports = rising stripes,
 * opposes = falling stripes and a dashed edge, mixed = cross-hatch, neutral = dots, no stance yet = plain.
 */
const OWN_RULES = `
html { background: #fff; }
body { max-width: 48rem; margin: 1rem auto; padding: 0 1rem; font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; }
img { max-width: 100%; height: auto; }
[data-evident-blocked] { display: inline-block; padding: 0.4em 0.6em; margin: 0.2em 0; border: 1px dashed #6b6b6b; background: #f3f3f3; color: #444; font: 13px/1.3 system-ui, sans-serif; }
a[data-href] { color: #0b5ea8; text-decoration: underline; cursor: help; }
mark.ev-mark { color: inherit; cursor: pointer; border-bottom: 2px solid var(--edge); --edge: #0072b2; }
mark.ev-mark:focus-visible { outline: 2px solid #000; outline-offset: 1px; }
mark.ev-supports { --edge: #0072b2; background: repeating-linear-gradient(45deg, rgb(0 114 178 / 0.34) 0 3px, rgb(0 114 178 / 0.1) 3px 6px); }
mark.ev-opposes { --edge: #d55e00; border-bottom-style: dashed; background: repeating-linear-gradient(-45deg, rgb(213 94 0 / 0.34) 0 3px, rgb(213 94 0 / 0.1) 3px 6px); }
mark.ev-mixed { --edge: #cc79a7; border-bottom-style: dotted; background: repeating-linear-gradient(45deg, rgb(204 121 167 / 0.3) 0 2px, transparent 2px 6px), repeating-linear-gradient(-45deg, rgb(204 121 167 / 0.3) 0 2px, transparent 2px 6px); }
mark.ev-neutral { --edge: #6b6b6b; border-bottom-style: double; border-bottom-width: 3px; background: radial-gradient(circle, rgb(90 90 90 / 0.38) 1.2px, transparent 1.6px) 0 0 / 5px 5px, rgb(150 150 150 / 0.1); }
mark.ev-unstanced { --edge: #b59b00; background: rgb(240 228 66 / 0.45); }
mark.ev-here { outline: 2px solid #000; outline-offset: 1px; }
mark.ev-target { outline: 2px solid #000; outline-offset: 1px; }
mark.ev-target:not([data-claim]) { background: rgb(240 228 66 / 0.3); }
`

/**
 * The page's own rules, then ours. Set through a constructed style sheet: the app's policy (inherited by a
 * srcdoc frame) refuses <style> elements, and the CSSOM is not a way to load anything.
 */
export function styleFrame(doc: Document, view: OriginalView): void {
  const win = doc.defaultView
  if (!win) return
  const sheet = new win.CSSStyleSheet()
  try {
    sheet.replaceSync(view.css)
  } catch {
    // A page's rules the browser cannot parse at all: it is shown with ours alone.
  }
  const own = new win.CSSStyleSheet()
  own.replaceSync(OWN_RULES)
  doc.adoptedStyleSheets = [sheet, own]
}
