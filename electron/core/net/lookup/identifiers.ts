import { AppError } from '../../errors'

export type IdentifierKind = 'doi' | 'pmid' | 'arxiv' | 'isbn'
export interface Identifier {
  kind: IdentifierKind
  /** The canonical form: a DOI without its resolver, an ISBN without hyphens, an arXiv id without "arXiv:". */
  value: string
}

const DOI = /^10\.\d{4,9}\/\S+$/
const PMID = /^\d{1,9}$/
const ARXIV_NEW = /^\d{4}\.\d{4,5}(v\d+)?$/
const ARXIV_OLD = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/

function isbnValid(digits: string): boolean {
  if (digits.length === 10) {
    const sum = [...digits].reduce((total, c, i) => total + (c === 'X' ? 10 : Number(c)) * (10 - i), 0)
    return /^\d{9}[\dX]$/.test(digits) && sum % 11 === 0
  }
  if (digits.length === 13 && /^\d{13}$/.test(digits)) {
    const sum = [...digits].reduce((total, c, i) => total + Number(c) * (i % 2 ? 3 : 1), 0)
    return sum % 10 === 0
  }
  return false
}

function canonical(kind: IdentifierKind, raw: string): string | null {
  const text = raw.trim()
  switch (kind) {
    case 'doi': {
      const value = text.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
      return DOI.test(value) ? value : null
    }
    case 'pmid': {
      const value = text.replace(/^(?:pmid:\s*|https?:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/)/i, '').replace(/\/$/, '')
      return PMID.test(value) && Number(value) > 0 ? value : null
    }
    case 'arxiv': {
      const value = text.replace(/^(?:arxiv:\s*|https?:\/\/arxiv\.org\/(?:abs|pdf)\/)/i, '').replace(/\.pdf$/, '')
      return ARXIV_NEW.test(value) || ARXIV_OLD.test(value) ? value : null
    }
    case 'isbn': {
      const value = text.replace(/^isbn(?:-1[03])?:?\s*/i, '').replace(/[\s-]/g, '').toUpperCase()
      return isbnValid(value) ? value : null
    }
  }
}

const SHAPES: Record<IdentifierKind, string> = {
  doi: 'a DOI looks like 10.1136/bmj.n71',
  pmid: 'a PMID is a number such as 33782057',
  arxiv: 'an arXiv id looks like 2101.00001 or hep-th/9901001',
  isbn: 'an ISBN has 10 or 13 digits with a valid check digit, such as 978-0-19-953556-9',
}
export const KIND_NAMES: Record<IdentifierKind, string> = { doi: 'DOI', pmid: 'PMID', arxiv: 'arXiv id', isbn: 'ISBN' }

/**
 * An identifier as typed: of the kind given, or recognised by its shape (a DOI starts "10.", an arXiv id
 * has a dot after four digits, an ISBN checks out, a short number is a PMID). A wrong shape gets a message
 * saying what the right one looks like, and nothing is fetched.
 */
export function parseIdentifier(text: string, kind?: IdentifierKind): Identifier {
  const shown = text.trim().length > 80 ? `${text.trim().slice(0, 77)}…` : text.trim()
  if (kind) {
    const value = canonical(kind, text)
    if (!value) throw new AppError('INVALID_INPUT', `“${shown}” is not ${KIND_NAMES[kind] === 'ISBN' || KIND_NAMES[kind] === 'arXiv id' ? 'an' : 'a'} ${KIND_NAMES[kind]}: ${SHAPES[kind]}.`)
    return { kind, value }
  }
  for (const candidate of ['doi', 'arxiv', 'isbn', 'pmid'] as const) {
    const value = canonical(candidate, text)
    if (value) return { kind: candidate, value }
  }
  throw new AppError('INVALID_INPUT', `“${shown}” is not a DOI, PMID, arXiv id or ISBN: ${Object.values(SHAPES).join('; ')}.`)
}
