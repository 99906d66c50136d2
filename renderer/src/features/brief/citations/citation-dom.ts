import type { NodeKey } from 'lexical'
import type { CitationSnapshot } from '@shared/dto/brief-nodes'
import type { CitationStore, ClaimLive } from './citation-store'
import { citationView, sameView, type CitationView } from './citation-view'

/** Class of the element Lexical keeps for an inline citation; editor.css joins side-by-side numbers with it. */
const CITATION_HOST_CLASS = 'brief-citation-host'

interface Painted {
  statement: string
  view: CitationView | null
  // What the view was computed from: most repaints (the style confirming the numbers just shown, a claim
  // status arriving) leave most labels as they were, and then nothing is computed for them.
  from: { label: string | undefined; kind: string; live: ClaimLive; selected: boolean; statement: string } | null
}

// What each label element shows now, so a repaint touches the DOM only where something changed.
const painted = new WeakMap<HTMLElement, Painted>()

/**
 * An inline citation's label as plain DOM, one element and its text (a <sup> for numbers): a brief carries
 * thousands, and each React root or portal would cost listeners and memory for every one. It starts as "…"
 * and CitationViewPlugin paints it from the citation store in the same commit, before the frame is drawn.
 */
export function createCitationElement(key: NodeKey, snapshot: CitationSnapshot): HTMLElement {
  const el = labelTemplate().cloneNode(false) as HTMLElement
  el.setAttribute('data-claim-id', snapshot.claimId)
  el.setAttribute('data-citation-key', key)
  painted.set(el, { statement: snapshot.statement, view: null, from: null })
  paintView(el, citationView(snapshot.statement, undefined, 'numeric', { status: 'unknown' }, false))
  return el
}

let template: HTMLElement | null = null

/**
 * What every label element starts with, made once and copied: setting these attributes one by one on each of
 * a long brief's 2,000 new labels was most of the time Lexical spent creating their elements (~11 ms).
 */
function labelTemplate(): HTMLElement {
  if (template) return template
  template = document.createElement('span')
  template.setAttribute('role', 'button')
  // Not a Tab stop: a long brief would trap Tab in its citations. The caret reaches a citation instead
  // (arrow keys select it and show its card, Enter moves into the card); Back focuses it directly.
  template.tabIndex = -1
  template.setAttribute('aria-haspopup', 'dialog')
  template.setAttribute('aria-expanded', 'false')
  return template
}

/** After the node's snapshot changed under the same element; CitationViewPlugin repaints it in the same commit. */
export function updateCitationElement(el: HTMLElement, snapshot: CitationSnapshot): void {
  const record = painted.get(el)
  if (!record) return
  el.setAttribute('data-claim-id', snapshot.claimId)
  record.statement = snapshot.statement
}

/** Paints one label from the store: its number or author-date label, warning look and selected look. */
export function paintCitation(el: HTMLElement, store: CitationStore): void {
  const record = painted.get(el)
  const key = el.getAttribute('data-citation-key')
  const claimId = el.getAttribute('data-claim-id')
  if (!record || key === null || claimId === null) return
  const numbering = store.getNumbering()
  const from = { label: numbering.labels.get(key), kind: numbering.kind, live: store.claim(claimId), selected: store.isSelected(key), statement: record.statement }
  const before = record.from
  if (before && before.label === from.label && before.kind === from.kind && before.live === from.live && before.selected === from.selected && before.statement === from.statement) return
  record.from = from
  paintView(el, citationView(from.statement, from.label, numbering.kind, from.live, from.selected))
}

export function isCitationElement(el: HTMLElement | null | undefined): el is HTMLElement {
  return !!el && painted.has(el)
}

function paintView(el: HTMLElement, view: CitationView): void {
  const record = painted.get(el)!
  const before = record.view
  if (before && sameView(before, view)) return
  record.view = view
  if (before?.className !== view.className) el.className = `${CITATION_HOST_CLASS} ${view.className}`
  if (before?.ariaLabel !== view.ariaLabel) el.setAttribute('aria-label', view.ariaLabel)
  if (before && before.numeric === view.numeric && before.mark === view.mark) {
    if (before.text !== view.text) textOf(el).data = view.text
    return
  }
  const text = document.createTextNode(view.text)
  const label = view.numeric ? document.createElement('sup') : null
  label?.append(text)
  const parts: Node[] = [label ?? text]
  if (view.mark) {
    const mark = document.createElement('span')
    mark.className = 'citation-warning-mark'
    mark.setAttribute('aria-hidden', 'true')
    mark.textContent = '!'
    parts.push(mark)
  }
  el.replaceChildren(...parts)
}

function textOf(el: HTMLElement): Text {
  const first = el.firstChild!
  return (first.nodeType === Node.TEXT_NODE ? first : first.firstChild!) as Text
}
