import { Injectable } from '@nestjs/common';

/**
 * Tells an embedded gateway in this process that the local driver's state changed, so it reloads
 * at once. A gateway in another process notices by polling the tables' newest `updated_at`.
 */
@Injectable()
export class GatewayChangeFeed {
  private readonly listeners = new Set<() => void>();

  publish(): void {
    this.listeners.forEach((listener) => listener());
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
