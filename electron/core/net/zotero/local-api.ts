import { ZOTERO_ENABLE_HINT } from '../../../shared/dto/zotero'
import { AppError, isAppError } from '../../errors'
import { endpoint } from '../endpoints'
import { fetchAddress, type Fetched } from '../fetch'
import { MAX_SERVICE_ANSWER_BYTES, type ServiceRequest } from '../service'

/** The local library: Zotero's local API speaks for the analyst as user 0. */
export const LIBRARY = '/users/0'

/**
 * What the analyst can do about each way the local API fails: nothing listening means Zotero is not running
 * (or is older than Zotero 7); 403 is Zotero's documented answer when the local API is turned off.
 */
export function zoteroFailure(error: unknown): unknown {
  if (!isAppError(error)) return error
  const socket = (error.cause as NodeJS.ErrnoException | undefined)?.code
  if (socket === 'ECONNREFUSED' || socket === 'ECONNRESET' || socket === 'EADDRNOTAVAIL') {
    return new AppError('NETWORK_ERROR', `Zotero is not running on this computer (nothing answered at ${zoteroBase()}). Start Zotero and turn on its local API: ${ZOTERO_ENABLE_HINT}`, { cause: error })
  }
  if (error.code === 'FORBIDDEN') {
    return new AppError('FORBIDDEN', `Zotero is running but does not let other applications read its library. ${ZOTERO_ENABLE_HINT}`, { cause: error })
  }
  if (error.code === 'NOT_FOUND' || error.code === 'CANCELLED') return error
  return new AppError(error.code, `Zotero: ${error.message}`, { cause: error })
}

export function zoteroBase(env?: NodeJS.ProcessEnv): string {
  return endpoint('zotero', env)
}

/** GET a path of the local API (read-only: Evident never writes to the analyst's library). */
export async function askZotero(path: string, request: ServiceRequest = {}): Promise<Fetched> {
  try {
    return await fetchAddress(`${zoteroBase(request.env)}${path}`, { accept: 'application/json', signal: request.signal, deadlineMs: request.deadlineMs, maxBytes: MAX_SERVICE_ANSWER_BYTES })
  } catch (error) {
    throw zoteroFailure(error)
  }
}

/** An answer that must be JSON: anything else (a proxy's page, a cut-off body) is named as Zotero's garbage, not parsed further. */
export function zoteroJson(fetched: Fetched): unknown {
  const text = new TextDecoder().decode(fetched.bytes)
  try {
    if (/json/.test(fetched.contentType) || /^\s*[[{]/.test(text)) return JSON.parse(text)
  } catch {
    /* reported below */
  }
  throw new AppError('NETWORK_ERROR', `What answered at ${zoteroBase()} did not send Zotero's data (${fetched.contentType || 'no stated type'}, not readable JSON): is it Zotero 7 with its local API turned on?`)
}
