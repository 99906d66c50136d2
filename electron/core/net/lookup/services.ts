import type { CslItem } from '../../../shared/dto/csl'
import type { LOOKUP_SERVICES } from '../../../shared/dto/provenance'
import { AppError, isAppError } from '../../errors'
import { answerJson, answerText, askService, type ServiceRequest } from '../service'
import { cslFromCrossref } from './crossref'
import type { Identifier } from './identifiers'
import { cslFromArxivAtom } from './arxiv'
import { cslFromEsummary } from './ncbi'
import { cslFromOpenLibrary } from './openlibrary'

/** Who a looked-up record came from, as its fields' provenance will say ("from Crossref"). */
export type LookupService = (typeof LOOKUP_SERVICES)[number]

export interface LookedUp {
  service: LookupService
  record: Partial<CslItem>
}

const notFound = (what: string) => new AppError('NOT_FOUND', what)

/**
 * A DOI through content negotiation first (the registration agency's own CSL-JSON, whichever agency it is),
 * then Crossref's works API when negotiation fails for any reason but "no such DOI" from both.
 */
async function lookUpDoi(doi: string, request: ServiceRequest): Promise<LookedUp> {
  const path = `/${doi.split('/').map(encodeURIComponent).join('/')}`
  let negotiationMissing = false
  try {
    const answer = await askService('doi', path, { ...request, accept: 'application/vnd.citationstyles.csl+json' })
    const record = cslFromCrossref(answerJson('doi', answer) as Record<string, unknown>)
    if (record.title) return { service: 'DOI content negotiation', record: { ...record, DOI: record.DOI ?? doi } }
  } catch (error) {
    if (!isAppError(error) || error.code === 'CANCELLED') throw error
    negotiationMissing = error.code === 'NOT_FOUND'
  }
  try {
    const answer = answerJson('crossref', await askService('crossref', `/works/${encodeURIComponent(doi)}`, request)) as { message?: Record<string, unknown> }
    if (!answer.message) throw new AppError('NETWORK_ERROR', 'Crossref answered without a record.')
    return { service: 'Crossref', record: { ...cslFromCrossref(answer.message), DOI: doi } }
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') {
      throw notFound(`The DOI ${doi} resolves to nothing${negotiationMissing ? '' : ' at Crossref'}: check it for typing mistakes, or it may not be registered yet.`)
    }
    throw error
  }
}

async function lookUpPmid(pmid: string, request: ServiceRequest): Promise<LookedUp> {
  const answer = answerJson('ncbi', await askService('ncbi', `/esummary.fcgi?db=pubmed&retmode=json&id=${pmid}`, request))
  const record = cslFromEsummary(answer, pmid)
  if (!record) throw notFound(`PubMed has no article with PMID ${pmid}.`)
  return { service: 'NCBI', record }
}

async function lookUpArxiv(id: string, request: ServiceRequest): Promise<LookedUp> {
  const answer = await askService('arxiv', `/query?id_list=${encodeURIComponent(id)}&max_results=1`, { ...request, accept: 'application/atom+xml' })
  const record = cslFromArxivAtom(answerText(answer), id)
  if (!record) throw notFound(`arXiv has no paper ${id}.`)
  return { service: 'arXiv', record }
}

async function lookUpIsbn(isbn: string, request: ServiceRequest): Promise<LookedUp> {
  const answer = answerJson('openlibrary', await askService('openlibrary', `/api/books?bibkeys=ISBN:${isbn}&format=json&jscmd=data`, request))
  const record = cslFromOpenLibrary(answer, isbn)
  if (!record) throw notFound(`Open Library has no book with ISBN ${isbn}.`)
  return { service: 'Open Library', record }
}

/** Fetches the record an identifier names, from the service that registers it. Only when the analyst asks. */
export function lookUp(identifier: Identifier, request: ServiceRequest = {}): Promise<LookedUp> {
  switch (identifier.kind) {
    case 'doi':
      return lookUpDoi(identifier.value, request)
    case 'pmid':
      return lookUpPmid(identifier.value, request)
    case 'arxiv':
      return lookUpArxiv(identifier.value, request)
    case 'isbn':
      return lookUpIsbn(identifier.value, request)
  }
}
