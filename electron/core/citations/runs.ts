/**
 * citeproc-js writes its 'html' output with a small, fixed set of tags. We need its italics (titles in Harvard
 * and APA), bold and superscript in Word, so we read that output as data — a flat list of formatted runs — and
 * never hand it to anything that renders HTML.
 */
export interface StyledRun {
  text: string
  italic?: boolean
  bold?: boolean
  superscript?: boolean
  subscript?: boolean
  smallCaps?: boolean
  underline?: boolean
}

type Format = Omit<StyledRun, 'text'>

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole
  })
}

/** What one opening tag changes; unknown tags change nothing (their text is still kept). */
function formatOf(tag: string, attrs: string): Partial<Format> {
  switch (tag) {
    case 'i':
    case 'em':
      return { italic: true }
    case 'b':
    case 'strong':
      return { bold: true }
    case 'sup':
      return { superscript: true }
    case 'sub':
      return { subscript: true }
    case 'u':
      return { underline: true }
    case 'span': {
      const style = /style="([^"]*)"/i.exec(attrs)?.[1] ?? ''
      const change: Partial<Format> = {}
      if (/font-style:\s*italic/i.test(style)) change.italic = true
      if (/font-style:\s*normal/i.test(style)) change.italic = false
      if (/font-weight:\s*bold/i.test(style)) change.bold = true
      if (/font-weight:\s*normal/i.test(style)) change.bold = false
      if (/font-variant:\s*small-caps/i.test(style)) change.smallCaps = true
      if (/font-variant:\s*normal/i.test(style)) change.smallCaps = false
      if (/text-decoration:\s*underline/i.test(style)) change.underline = true
      if (/vertical-align:\s*sup/i.test(style)) change.superscript = true
      if (/vertical-align:\s*sub/i.test(style)) change.subscript = true
      return change
    }
    default:
      return {}
  }
}

/** Drops false/undefined flags so runs compare and merge simply. */
function clean(format: Format): Format {
  const out: Format = {}
  for (const [key, value] of Object.entries(format) as [keyof Format, boolean | undefined][]) if (value) out[key] = true
  return out
}

function sameFormat(a: Format, b: Format): boolean {
  const keys: (keyof Format)[] = ['italic', 'bold', 'superscript', 'subscript', 'smallCaps', 'underline']
  return keys.every((k) => Boolean(a[k]) === Boolean(b[k]))
}

/**
 * citeproc html → runs. Block wrappers (div.csl-entry, csl-right-inline…) add no formatting; whitespace is
 * collapsed as a browser would, since citeproc indents its divs with newlines.
 * `skipClasses` drops whole elements, e.g. 'csl-left-margin' (Vancouver's "1. ") inside a footnote.
 */
export function htmlToRuns(html: string, skipClasses: string[] = []): StyledRun[] {
  const runs: StyledRun[] = []
  const stack: { tag: string; format: Format; skip: boolean; margin?: boolean }[] = [{ tag: '', format: {}, skip: false }]
  const pattern = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const top = stack[stack.length - 1]!
    if (match[4] !== undefined) {
      if (top.skip) continue
      const last = runs[runs.length - 1]
      let text = decodeEntities(match[4].replace(/\s+/g, ' '))
      if (last?.text.endsWith(' ')) text = text.replace(/^ /, '')
      if (!text) continue
      const format = clean(top.format)
      if (last && sameFormat(last, format)) last.text += text
      else runs.push({ text, ...format })
      continue
    }
    const [, closing, rawTag, attrs = ''] = match
    const tag = rawTag!.toLowerCase()
    if (tag === 'br') continue
    if (closing) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag)
      // A numbered entry's "[1]" column is a block of its own in html; in a run of text it needs a space after it.
      if (at > 0 && stack[at]!.margin && !stack[at]!.skip) {
        const last = runs[runs.length - 1]
        if (last && !last.text.endsWith(' ')) last.text += ' '
      }
      if (at > 0) stack.length = at
      continue
    }
    if (attrs.trimEnd().endsWith('/')) continue
    const className = /class="([^"]*)"/i.exec(attrs)?.[1] ?? ''
    const skip = top.skip || skipClasses.some((c) => className.split(/\s+/).includes(c))
    stack.push({ tag, format: { ...top.format, ...formatOf(tag, attrs) }, skip, margin: className.split(/\s+/).includes('csl-left-margin') })
  }
  return trimRuns(runs)
}

function trimRuns(runs: StyledRun[]): StyledRun[] {
  const first = runs[0]
  if (first) first.text = first.text.replace(/^\s+/, '')
  const last = runs[runs.length - 1]
  if (last) last.text = last.text.replace(/\s+$/, '')
  return runs.filter((r) => r.text.length > 0)
}

export function runsToText(runs: StyledRun[]): string {
  return runs.map((r) => r.text).join('')
}
