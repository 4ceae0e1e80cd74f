import { Injectable } from '@nestjs/common';
import { type OutboxHandler } from './outbox-item';

/** Handlers register themselves here at module init, so the worker needs no list of features. */
@Injectable()
export class OutboxHandlerRegistry {
  private readonly handlers = new Map<string, OutboxHandler>();

  register(handler: OutboxHandler): void {
    if (this.handlers.has(handler.type)) throw new Error(`Two outbox handlers for "${handler.type}"`);
    this.handlers.set(handler.type, handler);
  }

  find(type: string): OutboxHandler | undefined {
    return this.handlers.get(type);
  }
}
