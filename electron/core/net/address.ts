import { MAX_ADDRESS_CHARS } from '../../shared/limits'
import { AppError } from '../errors'


/**
 * An address the analyst typed, as a URL Evident may fetch: http and https only (file:, javascript:, data:
 * and the rest are refused by name). Loopback and private hosts are allowed on purpose: an intranet report
 * is a normal source.
 */
export function webAddress(text: string): URL {
  const trimmed = text.trim()
  if (!trimmed) throw new AppError('INVALID_INPUT', 'Type or paste an address starting with http:// or https://.')
  if (trimmed.length > MAX_ADDRESS_CHARS) throw new AppError('INVALID_INPUT', `That address is longer than ${MAX_ADDRESS_CHARS} characters.`)
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new AppError('INVALID_INPUT', `“${shortAddress(trimmed)}” is not a web address: it should start with http:// or https://.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('INVALID_INPUT', `Evident fetches only http:// and https:// addresses, not ${url.protocol} ones (“${shortAddress(trimmed)}”).`)
  }
  if (url.username || url.password) {
    throw new AppError('INVALID_INPUT', 'An address with a user name or password in it is refused: a secret does not belong in an address.')
  }
  return url
}

/** An address short enough to quote in a message. */
export function shortAddress(address: string): string {
  return address.length > 120 ? `${address.slice(0, 117)}…` : address
}
