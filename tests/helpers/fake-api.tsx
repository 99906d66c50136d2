import type { ReactNode } from 'react'
import { vi } from 'vitest'
import type { EvidentApi } from '@shared/api'
import type { MethodName } from '@shared/contract/index'
import { ApiProvider } from '../../renderer/src/api/context'

type LooseInvoke = (method: MethodName, args: unknown) => unknown

/** For a test whose window is never given a file: turning one into a handle fails loudly. */
export const noFiles: EvidentApi['handleForFile'] = async (file) => {
  throw new Error(`This test gives the window no files (${file.name}).`)
}

/**
 * The contract's two operations as vi.fn()s, for a component test to script with vi.mocked(api.invoke).
 * Handed to the component through <ApiProvider> (see withApi), the same way the app root hands it the real door.
 */
export function fakeApi(invoke: LooseInvoke = vi.fn()): EvidentApi {
  return {
    invoke: vi.fn(async (method: MethodName, args: unknown) => invoke(method, args)) as unknown as EvidentApi['invoke'],
    on: vi.fn(() => () => undefined),
    handleForFile: vi.fn(async (file: File) => ({ handle: `fh_${'F'.repeat(43)}`, name: file.name })),
  }
}

/** render(ui, withApi(api)): the component under test finds `api` where the app root would have put the door. */
export function withApi(api: EvidentApi): { wrapper: (props: { children: ReactNode }) => ReactNode } {
  return { wrapper: ({ children }) => <ApiProvider api={api}>{children}</ApiProvider> }
}

export interface InvokeCall {
  method: string
  args: unknown
}

/**
 * For a beforeEach: from now on every invoke on `api` is recorded in `calls` (emptied first) and answered by
 * `answer`, so a test can script the core's replies and then check what the component asked for.
 */
export function recordInvokes(api: EvidentApi, calls: InvokeCall[], answer: (method: string, args: unknown) => unknown): void {
  calls.length = 0
  vi.mocked(api.invoke).mockImplementation((async (method: string, args: unknown) => {
    calls.push({ method, args })
    return answer(method, args)
  }) as typeof api.invoke)
}
