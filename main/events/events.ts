import { errorKind, errorWhere, type Logger } from '../logging/logger.ts';
import type { KioskEvent } from '../shared/events.ts';

export type EventListener = (event: KioskEvent) => void;

export type EventBus = {
  emit(event: KioskEvent): void;
  /** Returns the function that stops listening. */
  subscribe(listener: EventListener): () => void;
  /** How many listen now: a check the main process makes on a timer runs only while someone hears its answer. */
  listeners(): number;
};

/**
 * The core's one event bus. Emitting never throws into the service that emits (a state change
 * is done by then): a listener that fails (a window gone, a stream closed) is logged and the
 * others still hear the event.
 */
export function createEventBus(log: Logger): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          log.error('event-listener-failed', { about: event.kind, kind: errorKind(error), where: errorWhere(error) });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    listeners: () => listeners.size,
  };
}
