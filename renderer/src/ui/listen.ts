/**
 * Adds a listener and gives back the function that removes it, so an effect that listens to several things
 * returns their removals in one place instead of naming each listener twice.
 */
export function listen<K extends keyof WindowEventMap>(target: Window, type: K, listener: (event: WindowEventMap[K]) => void, options?: AddEventListenerOptions): () => void
export function listen<K extends keyof DocumentEventMap>(target: Document, type: K, listener: (event: DocumentEventMap[K]) => void, options?: AddEventListenerOptions): () => void
export function listen<K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, listener: (event: HTMLElementEventMap[K]) => void, options?: AddEventListenerOptions): () => void
export function listen(target: EventTarget, type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): () => void {
  target.addEventListener(type, listener, options)
  return () => target.removeEventListener(type, listener, options)
}

/** Runs every removal `listen` gave back: an effect's cleanup. */
export function removeAll(removals: (() => void)[]): void {
  for (const remove of removals) remove()
}
