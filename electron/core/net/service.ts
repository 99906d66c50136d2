import { AppError, isAppError } from '../errors'
import { endpoint, SERVICES, type Service } from './endpoints'
import { fetchAddress, type Fetched, type FetchOptions } from './fetch'

/** A service's answer is a record, not a document: a few megabytes is already far more than any of them send. */
export const MAX_SERVICE_ANSWER_BYTES = 8 * 1024 * 1024

export interface ServiceRequest extends Pick<FetchOptions, 'accept' | 'signal' | 'deadlineMs'> {
  env?: NodeJS.ProcessEnv
}

/** GET a path of a service (its base address from endpoint(), so a proxy or fixture server can stand in). */
export async function askService(service: Service, path: string, request: ServiceRequest = {}): Promise<Fetched> {
  const address = `${endpoint(service, request.env)}${path}`
  try {
    return await fetchAddress(address, { accept: request.accept, signal: request.signal, deadlineMs: request.deadlineMs, maxBytes: MAX_SERVICE_ANSWER_BYTES })
  } catch (error) {
    // "Nothing is at https://api.crossref.org/…" is true but says nothing about the identifier; callers reword NOT_FOUND.
    if (isAppError(error) && error.code !== 'NOT_FOUND') throw new AppError(error.code, `${SERVICES[service].name}: ${error.message}`, { cause: error })
    throw error
  }
}

/** The answer as JSON, or a plain message when the service sent something else (a proxy's log-in page, a cut-off body). */
export function answerJson(service: Service, fetched: Fetched): unknown {
  const text = new TextDecoder().decode(fetched.bytes)
  if (!/json/.test(fetched.contentType) && !/^\s*[[{]/.test(text)) {
    throw new AppError('NETWORK_ERROR', `${SERVICES[service].name} answered with ${fetched.contentType || 'something'} instead of the record Evident asked for.`)
  }
  try {
    return JSON.parse(text)
  } catch {
    throw new AppError('NETWORK_ERROR', `${SERVICES[service].name}'s answer was not readable (it may have been cut off): try again.`)
  }
}

export function answerText(fetched: Fetched): string {
  return new TextDecoder().decode(fetched.bytes)
}
