import { isErrorPayload, type ErrorCode } from '@shared/errors'

/** A failed call, carrying the core's code and its plain-English message for the UI to show. */
export class EvidentError extends Error {
  readonly code: ErrorCode | 'NETWORK'

  constructor(code: ErrorCode | 'NETWORK', message: string) {
    super(message)
    this.name = 'EvidentError'
    this.code = code
  }
}

/** Whatever was thrown, as something with a message an analyst can read. */
export function toEvidentError(error: unknown): EvidentError {
  if (error instanceof EvidentError) return error
  if (isErrorPayload(error)) return new EvidentError(error.code, error.message)
  // Electron's ipcRenderer wraps a rejected handler's error as "Error invoking remote method '…': Error: <message>".
  if (error instanceof Error) return new EvidentError('INTERNAL', cleanIpcMessage(error.message))
  return new EvidentError('INTERNAL', 'Something went wrong.')
}

function cleanIpcMessage(message: string): string {
  const match = /^Error invoking remote method '[^']*': (?:\w*Error: )?(.*)$/s.exec(message)
  return match?.[1] ?? message
}
