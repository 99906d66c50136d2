import { createContext, useContext, type ReactNode } from 'react'

/**
 * A context with no default value: the provider hands the value in, and the hook fails loudly, naming both,
 * when a component is rendered outside it (a forgotten provider is a bug, not a state to draw).
 */
export function requiredContext<T>(hookName: string, providerName: string) {
  const Context = createContext<T | null>(null)
  function Provide({ value, children }: { value: T; children: ReactNode }) {
    return <Context.Provider value={value}>{children}</Context.Provider>
  }
  function useRequired(): T {
    const value = useContext(Context)
    if (!value) throw new Error(`${hookName}() was called outside <${providerName}>.`)
    return value
  }
  return { Provide, useRequired }
}
