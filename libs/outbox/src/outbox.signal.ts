import { Injectable } from '@nestjs/common';

/**
 * Wakes an in-process worker as soon as something is enqueued, so the embedded default does not
 * wait for the next poll. Workers in other processes still find the item by polling.
 */
@Injectable()
export class OutboxSignal {
  private listeners = new Set<() => void>();

  /** Called once the enqueuing transaction has committed (OutboxWriter), so the worker finds the item. */
  notify(): void {
    this.listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
