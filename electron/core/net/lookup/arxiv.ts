import type { CslItem } from '../../../shared/dto/csl'
import { parseDate } from './dates'

function decode(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!)
    .replace(/\s+/g, ' ')
    .trim()
}

function tag(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml)
  return match ? decode(match[1]!) : undefined
}

/**
 * The arXiv API's Atom feed for one id → CSL, or null when it has no such paper (arXiv answers an unknown id
 * with an empty feed, or an entry titled "Error"). Read with plain patterns: no DTD or entity is ever interpreted.
 */
export function cslFromArxivAtom(xml: string, id: string): Partial<CslItem> | null {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return null
  const entry = /<entry>([\s\S]*?)<\/entry>/.exec(xml)?.[1]
  if (!entry) return null
  const title = tag(entry, 'title')
  if (!title || title === 'Error') return null
  const authors = [...entry.matchAll(/<author>([\s\S]*?)<\/author>/g)]
    .map((m) => tag(m[1]!, 'name'))
    .filter((n): n is string => !!n)
    .slice(0, 500)
    .map((name) => {
      const parts = name.split(' ')
      return parts.length > 1 ? { family: parts.at(-1)!, given: parts.slice(0, -1).join(' ') } : { literal: name }
    })
  const doi = tag(entry, 'arxiv:doi')
  const journal = tag(entry, 'arxiv:journal_ref')
  const record: Partial<CslItem> = {
    type: 'article',
    title: title.slice(0, 2000),
    author: authors.length ? authors : undefined,
    issued: parseDate(tag(entry, 'published')),
    'container-title': journal ? undefined : 'arXiv',
    number: id,
    DOI: doi,
    URL: `https://arxiv.org/abs/${id}`,
    note: journal ? `Published as: ${journal}`.slice(0, 2000) : undefined,
  }
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<CslItem>
}
