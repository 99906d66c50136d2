import { AppError } from '../errors'
import { shortAddress } from './address'

/** A 429: the service asked Evident to wait, so a run asking it about many things stops asking. */
export class SlowDown extends AppError {
  constructor(message: string) {
    super('NETWORK_ERROR', message)
  }
}

/** A service's 429, as askService passes it on (its message prefixed by the service's name). */
export function isSlowDown(error: unknown): boolean {
  return error instanceof SlowDown || (error instanceof Error && error.cause instanceof SlowDown)
}

/**
 * The socket errors that mean "no way through to that machine", in the analyst's words. The socket's error
 * stays as the cause, so a caller that knows the service (Zotero not running) can say more.
 */
export function connectionError(address: string, error: NodeJS.ErrnoException): AppError {
  const described = describeConnectionError(address, error)
  return new AppError(described.code, described.message, { cause: error })
}

function describeConnectionError(address: string, error: NodeJS.ErrnoException): AppError {
  const host = hostOf(address)
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new AppError('NETWORK_ERROR', `Could not find ${host}: this computer may be offline, or the address may be mistyped.`)
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
      return new AppError('NETWORK_ERROR', `Could not reach ${host}: this computer seems to be offline.`)
    case 'ECONNREFUSED':
      return new AppError('NETWORK_ERROR', `${host} refused the connection: nothing is answering at that address.`)
    case 'ECONNRESET':
    case 'EPIPE':
      return new AppError('NETWORK_ERROR', `${host} closed the connection before answering: try again later.`)
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new AppError('NETWORK_ERROR', `${host}'s security certificate could not be trusted, so nothing was fetched from it.`)
    default:
      return new AppError('NETWORK_ERROR', `Could not fetch ${shortAddress(address)}: the connection failed (${error.code ?? 'unknown error'}).`)
  }
}

/** An answer that is not the document: what it means for the analyst, and whether waiting would help. */
export function statusError(address: string, status: number, retryAfter: string | undefined): AppError {
  const where = shortAddress(address)
  if (status === 404 || status === 410) return new AppError('NOT_FOUND', `Nothing is at ${where} (the server answered ${status}).`)
  if (status === 401 || status === 403) {
    return new AppError('FORBIDDEN', `${where} needs a log-in or refused access (${status}): save the page from your browser and import the file instead.`)
  }
  if (status === 429) {
    const wait = retryAfterSeconds(retryAfter)
    return new SlowDown(`${hostOf(address)} is asking Evident to slow down (429): try again ${wait === undefined ? 'in a minute' : `in ${wait} second${wait === 1 ? '' : 's'}`}.`)
  }
  if (status >= 500) return new AppError('NETWORK_ERROR', `${hostOf(address)} had a problem answering (${status}): try again later.`)
  return new AppError('NETWORK_ERROR', `${where} answered ${status} instead of the document.`)
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterSeconds(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

export function hostOf(address: string): string {
  try {
    return new URL(address).host
  } catch {
    return shortAddress(address)
  }
}
