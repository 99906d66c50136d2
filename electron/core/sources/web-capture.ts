import type { Block } from './extracted'

/**
 * Saved web pages carry the site around the article: banners before the title, ratings, log-in prompts and
 * readers' comments after it. Readers' words are not the author's, so they must not be quotable as the source.
 */
const TAIL_MARKERS =
  /^(related images|rate this article|readers'? comments|\d+ comments?$|comments \(\d+\)|no comments$|have your say|leave a (reply|comment)|cite this as|view abstract|log in\b|share this( article)?$|related articles$|you might also like)/i

/** Markers this early are more likely part of the article than the end of it. */
const MIN_TAIL_FRACTION = 0.3
/** How far into the page the article title may appear before we stop looking for it. */
const MAX_TITLE_POSITION = 15
/** Short paragraphs ("Yes.", a repeated heading) may legitimately repeat; long identical ones are capture artefacts. */
const MIN_DUPLICATE_CHARS = 80

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

export function trimWebCapture(blocks: Block[], title?: string): Block[] {
  let result = blocks
  const wanted = title ? comparable(title) : ''
  if (wanted) {
    const start = result.slice(0, MAX_TITLE_POSITION).findIndex((b) => comparable(b.text) === wanted)
    if (start > 0) result = result.slice(start)
  }
  const minTail = Math.floor(result.length * MIN_TAIL_FRACTION)
  const end = result.findIndex((b, i) => i >= minTail && i > 0 && TAIL_MARKERS.test(b.text.trim()))
  if (end > 0) result = result.slice(0, end)
  const seen = new Set<string>()
  return result.filter((block) => {
    if (block.text.length < MIN_DUPLICATE_CHARS) return true
    if (seen.has(block.text)) return false
    seen.add(block.text)
    return true
  })
}
