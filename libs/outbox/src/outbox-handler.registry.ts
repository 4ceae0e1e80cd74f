import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { OutboxHandler } from './outbox-item';

/**
 * Finds every provider that is an OutboxHandler at start, so the worker needs no list of features
 * and a feature only declares its handler as a provider.
 */
@Injectable()
export class OutboxHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, OutboxHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      // A provider listed by several modules is one class: register it once.
      if (wrapper.instance instanceof OutboxHandler && this.handlers.get(wrapper.instance.message.type)?.constructor !== wrapper.instance.constructor) {
        this.register(wrapper.instance);
      }
    }
  }

  register(handler: OutboxHandler): void {
    const { type } = handler.message;
    if (this.handlers.has(type)) throw new Error(`Two outbox handlers for "${type}"`);
    this.handlers.set(type, handler);
  }

  find(type: string): OutboxHandler | undefined {
    return this.handlers.get(type);
  }
}
