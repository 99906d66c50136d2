/**
 * Scrolls a block of the brief into view. Blocks far off screen are not laid out (content-visibility in
 * editor.css): their heights are estimates until drawn, so a smooth scroll, whose destination is fixed when
 * it starts, stops far short of a section forty pages away. An instant jump lands on it, and the browser's
 * scroll anchoring keeps it there while the blocks around it are drawn. Within a screen, it still glides.
 */
export function revealBlock(el: HTMLElement, block: 'start' | 'center'): void {
  const scroller = scrollParent(el)
  const view = scroller ? scroller.getBoundingClientRect() : { top: 0, height: window.innerHeight }
  const near = Math.abs(el.getBoundingClientRect().top - view.top) <= view.height
  el.scrollIntoView({ block, behavior: near ? 'smooth' : 'instant' })
}

function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node)
    if (overflowY === 'auto' || overflowY === 'scroll') return node
  }
  return null
}
