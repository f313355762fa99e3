// The lab's event bus: every state change of a call, groupcall, conferencecall or campaigncall is
// published here, in the VoIPbin webhook envelope `{type, data}` (VOIPBIN.md §1.5), and
// `GET /v1.0/events` streams it. `data` is the resource as it was at that moment.

export interface LabEvent {
  /** Grows by one per event: the SSE `id:`. */
  id: number;
  type: string;
  data: object;
}

export type EventListener = (event: LabEvent) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();
  private nextId = 1;

  emit(type: string, data: object): void {
    const event: LabEvent = { id: this.nextId++, type, data };
    for (const listener of [...this.listeners]) {
      // A broken subscriber (a closed stream) must not stop the call engine.
      try {
        listener(event);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }
}
