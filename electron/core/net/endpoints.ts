import { AppError } from '../errors'

/** The services Evident asks, each at its documented public address unless the analyst's environment says otherwise. */
export const SERVICES = {
  crossref: { variable: 'EVIDENT_CROSSREF_API', base: 'https://api.crossref.org', name: 'Crossref' },
  doi: { variable: 'EVIDENT_DOI_API', base: 'https://doi.org', name: 'doi.org' },
  ncbi: { variable: 'EVIDENT_NCBI_API', base: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils', name: 'PubMed (NCBI E-utilities)' },
  arxiv: { variable: 'EVIDENT_ARXIV_API', base: 'https://export.arxiv.org/api', name: 'arXiv' },
  openlibrary: { variable: 'EVIDENT_OPENLIBRARY_API', base: 'https://openlibrary.org', name: 'Open Library' },
  zotero: { variable: 'EVIDENT_ZOTERO_API', base: 'http://localhost:23119/api', name: 'Zotero' },
} as const

export type Service = keyof typeof SERVICES

/**
 * The base address of a service, without a trailing slash. An institutional proxy (or a test's fixture
 * server) is set through the service's environment variable; a value that is not an http(s) address is
 * refused by name rather than fetched.
 */
export function endpoint(service: Service, env: NodeJS.ProcessEnv = process.env): string {
  const { variable, base } = SERVICES[service]
  const override = env[variable]?.trim()
  if (!override) return base
  let url: URL
  try {
    url = new URL(override)
  } catch {
    throw new AppError('INVALID_INPUT', `${variable} is set to “${override}”, which is not an address: set it to an http:// or https:// address, or unset it.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('INVALID_INPUT', `${variable} must be an http:// or https:// address, not “${override}”.`)
  }
  return url.href.replace(/\/+$/, '')
}
