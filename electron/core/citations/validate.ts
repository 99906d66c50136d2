import type { StyleInfo } from '../../shared/dto/citations'
import { AppError } from '../errors'

export const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl'

export interface ParsedStyle {
  title: string
  kind: StyleInfo['kind']
}

/**
 * Checks a .csl file before it is stored or handed to citeproc: well-formed XML, a CSL <style> root, and no
 * DOCTYPE at all. Entities are how XML reads local files or explodes in memory (XXE, billion laughs); no real
 * CSL style needs them, so a style declaring any is refused before a parser ever sees it.
 */
export async function parseCslStyle(fileName: string, xml: string): Promise<ParsedStyle> {
  const name = `“${fileName}”`
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new AppError('INVALID_INPUT', `${name} contains a DOCTYPE; Evident refuses styles with entities.`)
  }
  // jsdom is heavy to load: only the (rare) act of adding a style pays for it.
  const { JSDOM } = await import('jsdom')
  let document: Document
  try {
    document = new JSDOM(xml, { contentType: 'application/xml' }).window.document
  } catch (error) {
    const detail = String((error as Error).message ?? error).replace(/^about:blank:/, 'line ')
    throw new AppError('INVALID_INPUT', `${name} is not a valid CSL style: the XML is malformed (${detail}).`)
  }
  const root = document.documentElement
  if (!root || root.localName !== 'style' || root.namespaceURI !== CSL_NAMESPACE) {
    const found = root ? `<${root.localName}>` : 'nothing'
    throw new AppError('INVALID_INPUT', `${name} is not a valid CSL style: its root element is ${found}, not <style xmlns="${CSL_NAMESPACE}">.`)
  }
  const child = (parent: Element | null | undefined, local: string) =>
    Array.from(parent?.children ?? []).find((el) => el.localName === local && el.namespaceURI === CSL_NAMESPACE)
  const info = child(root, 'info')
  const title = child(info, 'title')?.textContent?.trim()
  if (!title) throw new AppError('INVALID_INPUT', `${name} is not a valid CSL style: it has no <info><title>.`)
  if (!child(root, 'citation')) throw new AppError('INVALID_INPUT', `${name} is not a valid CSL style: it has no <citation> element.`)
  const format = Array.from(info?.children ?? [])
    .filter((el) => el.localName === 'category')
    .map((el) => el.getAttribute('citation-format'))
    .find((f): f is string => Boolean(f))
  // A "label" style (e.g. [Smi14]) behaves like a numeric one for our purposes: short in-text tags.
  const kind: StyleInfo['kind'] = format === 'author-date' || format === 'author' ? 'author-date' : format === 'note' ? 'note' : 'numeric'
  if (!format && root.getAttribute('class') === 'note') return { title, kind: 'note' }
  return { title, kind }
}
