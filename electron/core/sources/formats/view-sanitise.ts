import type { WindowLike } from 'dompurify'
import type { DOMWindow } from 'jsdom'
import type { OriginalView } from '../../../shared/dto/original-view'

/**
 * Nothing that runs, submits, embeds another document or plays from outside reaches the Original view. The
 * frame it is shown in has no scripts and its own policy too; this is the first of the two walls.
 */
const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'noscript', 'template', 'svg', 'math',
  'video', 'audio', 'source', 'track', 'picture', 'canvas', 'dialog',
]
const FORBID_ATTR = ['srcset', 'sizes', 'action', 'formaction', 'ping', 'background', 'poster', 'target', 'autofocus', 'xmlns']
/** Addresses kept at all: the web's, mail, in-page fragments, and pictures already inside the document. */
const ALLOWED_URI = /^(?:https?:|mailto:|#|data:image\/(?:png|jpeg|gif|webp|bmp);)/i
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|bmp);/i
/** A url() in CSS that is not a picture inside the document. */
const OUTSIDE_URL = /url\(\s*(?!['"]?data:image\/(?:png|jpeg|gif|webp|bmp);)[^)]*\)/gi
const MAX_CSS_CHARS = 1024 * 1024

interface Count {
  images: number
  fonts: number
}

/** A page's style rules, able to load nothing: @import and @font-face gone, outside url() replaced by none. */
export function sanitiseCss(css: string, count: Count): string {
  let out = css.slice(0, MAX_CSS_CHARS).replace(/<\/?\w[^>]*>/g, '')
  out = out.replace(/@import[^;]*;?/gi, '')
  out = out.replace(/@font-face\s*\{[^}]*\}/gi, () => {
    count.fonts++
    return ''
  })
  return out.replace(OUTSIDE_URL, () => {
    count.images++
    return 'none'
  })
}

function placeholder(doc: Document, what: string): HTMLElement {
  const span = doc.createElement('span')
  span.setAttribute('data-evident-blocked', '')
  span.setAttribute('role', 'img')
  span.setAttribute('aria-label', what)
  span.textContent = what
  return span
}

function describe(img: Element): string {
  const alt = (img.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim().slice(0, 120)
  return alt ? `Image not loaded: ${alt}` : 'Image not loaded'
}

/**
 * A document's HTML made safe to lay out: DOMPurify with the lists above, then every picture from outside
 * replaced by a placeholder naming it, links made inert (their address kept as data-href for the title), and
 * every style attribute's outside url() removed.
 */
export async function sanitiseForView(window: DOMWindow, format: OriginalView['format']): Promise<OriginalView> {
  const doc = window.document
  const count: Count = { images: 0, fonts: 0 }
  const css = sanitiseCss(
    Array.from(doc.querySelectorAll('style'), (s) => s.textContent ?? '').join('\n'),
    count,
  )
  const { default: createDOMPurify } = await import('dompurify')
  const purify = createDOMPurify(window as unknown as WindowLike)
  const body = purify.sanitize(doc.body?.innerHTML ?? '', {
    USE_PROFILES: { html: true },
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOWED_URI_REGEXP: ALLOWED_URI,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM: true,
  }) as unknown as HTMLElement
  const out = body.ownerDocument
  for (const img of Array.from(body.querySelectorAll('img'))) {
    if (DATA_IMAGE.test(img.getAttribute('src') ?? '')) continue
    count.images++
    img.replaceWith(placeholder(out, describe(img)))
  }
  for (const link of Array.from(body.querySelectorAll('a[href], area[href]'))) {
    const href = link.getAttribute('href')!
    if (href.startsWith('#')) continue
    // In the frame a followed link would load the outside page: the address is shown, never opened.
    link.removeAttribute('href')
    link.setAttribute('data-href', href)
    link.setAttribute('title', href.slice(0, 2000))
  }
  for (const styled of Array.from(body.querySelectorAll('[style]'))) {
    const style = styled.getAttribute('style')!
    const safe = sanitiseCss(style, count)
    if (safe !== style) styled.setAttribute('style', safe)
  }
  return { format, body: body.innerHTML, css, blocked: count }
}
