import type { ZodError } from 'zod'
import { METHOD_NAMES, methodArgs, type Handlers, type MethodName } from '../../shared/contract/index'
import { AppError } from '../errors'
import { MAX_ARGUMENT_DEPTH, nestsDeeperThan } from '../depth'

const allowed = new Set<string>(METHOD_NAMES)

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && allowed.has(value)
}

/** One plain-English line from a zod failure: "path: message". */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The request was not valid.'
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue.message}`
}

/**
 * The trust boundary shared by every door: unknown method → NOT_FOUND, bad argument → INVALID_INPUT,
 * otherwise the handler's own result or AppError. Doors add their own sender/token checks first.
 */
export async function dispatch(handlers: Handlers, method: unknown, rawArgs: unknown): Promise<unknown> {
  if (!isMethodName(method)) throw new AppError('NOT_FOUND', `There is no method called ${JSON.stringify(String(method)).slice(0, 80)}.`)
  if (nestsDeeperThan(rawArgs, MAX_ARGUMENT_DEPTH)) {
    throw new AppError('INVALID_INPUT', `The request is nested more than ${MAX_ARGUMENT_DEPTH} levels deep, so it was refused.`)
  }
  const parsed = methodArgs[method].safeParse(rawArgs ?? {})
  if (!parsed.success) throw new AppError('INVALID_INPUT', describeZodError(parsed.error))
  const handler = handlers[method] as (args: unknown) => Promise<unknown>
  return handler(parsed.data)
}
