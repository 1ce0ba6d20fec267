import type { EventName, EventPayload } from '../../../shared/contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Main → renderer notifications; each platform adapter subscribes once and forwards to its windows. */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  /** Tells every listener; one that fails is reported and never fails the action that caused the news. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        console.error(`A listener of ${event} failed`, error);
      }
    }
  }

  /** Returns the function that removes this listener. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
