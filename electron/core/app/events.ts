import type { EventName, Events } from '../../shared/events'

export interface EventSink {
  emit<E extends EventName>(event: E, payload: Events[E]): void
}

/** A sink that fans out to any number of listeners (server-sent event streams, IPC, tests). */
export class EventHub implements EventSink {
  private listeners = new Set<<E extends EventName>(event: E, payload: Events[E]) => void>()

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners) listener(event, payload)
  }

  subscribe(listener: <E extends EventName>(event: E, payload: Events[E]) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
