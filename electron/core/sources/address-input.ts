import type { SourceFormat } from '../../shared/dto/sources'
import { AppError } from '../errors'
import { shortAddress, webAddress } from '../net/address'
import { fetchAddress, type Fetched } from '../net/fetch'
import type { ImportInput } from './import-batch'

const EXTENSIONS: Record<SourceFormat, string> = { html: '.html', pdf: '.pdf', docx: '.docx', txt: '.txt', md: '.md' }
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * What a fetched document is, by its first bytes before its content type: servers often call a PDF
 * application/octet-stream, and a page text/plain.
 */
export function fetchedFormat(fetched: Fetched): SourceFormat {
  const { bytes, contentType } = fetched
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase()
  if (head.startsWith('%pdf-')) return 'pdf'
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    if (contentType === DOCX_TYPE || /\.docx$/i.test(new URL(fetched.finalUrl).pathname) || /zip|octet-stream/.test(contentType)) return 'docx'
  }
  if (contentType === 'text/html' || contentType === 'application/xhtml+xml' || /^<(!doctype html|html[\s>])/.test(head)) return 'html'
  if (contentType === 'text/plain') return 'txt'
  if (contentType === 'text/markdown') return 'md'
  throw new AppError(
    'UNSUPPORTED_FORMAT',
    `${shortAddress(fetched.finalUrl)} is ${contentType ? `“${contentType}”` : 'of no stated type'}, not a web page, PDF or Word document that Evident can import.`,
  )
}

/** A readable file name for a fetched document: the last part of its address, with the extension its format needs. */
export function fetchedFileName(fetched: Fetched, format: SourceFormat): string {
  const url = new URL(fetched.finalUrl)
  let last = ''
  try {
    last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '')
  } catch {
    last = url.pathname.split('/').filter(Boolean).pop() ?? ''
  }
  const stem = last.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[^\p{L}\p{N} ._-]+/gu, ' ').trim().slice(0, 100)
  return `${stem ? `${url.hostname} - ${stem}` : url.hostname}${EXTENSIONS[format]}`
}

/**
 * One address of an import batch. Fetching waits for its turn, like reading a file; the bytes are then
 * parsed in a parser process like any file's, with the page's address to read its links against and the
 * rule that a fetched page must hold an article.
 */
export function inputFromAddress(address: string): ImportInput {
  return {
    fileName: address,
    async load(signal) {
      const fetched = await fetchAddress(webAddress(address), { signal })
      const format = fetchedFormat(fetched)
      const day = fetched.fetchedAt.slice(0, 10).split('-').map(Number)
      return {
        bytes: fetched.bytes,
        fileName: fetchedFileName(fetched, format),
        parse: { baseUrl: fetched.finalUrl, requireArticle: format === 'html' },
        web: { address: fetched.requestedUrl, finalUrl: fetched.finalUrl, fetchedAt: fetched.fetchedAt },
        recordDefaults: {
          fields: { URL: fetched.finalUrl, accessed: { 'date-parts': [day] } },
          provenance: { URL: { kind: 'document', detail: 'the address the page was fetched from' }, accessed: { kind: 'document', detail: 'the day Evident fetched it' } },
        },
      }
    },
  }
}
