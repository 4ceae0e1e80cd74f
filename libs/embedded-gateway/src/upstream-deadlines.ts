/**
 * One timer for every request waiting on the upstream, instead of a Timeout each: per request, creating
 * and clearing a Timeout (an async resource, so also a call into the API's AsyncLocalStorage hooks) cost
 * more than the rest of the forwarding's own JavaScript. The timeout is the same for all, so the map's
 * insertion order is deadline order and a sweep stops at the first request still in time. A request
 * expires between `timeoutMs` and `timeoutMs + sweepEveryMs` after it started.
 */
export class UpstreamDeadlines<T> {
  private readonly waiting = new Map<T, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly timeoutMs: number,
    private readonly expired: (item: T) => void,
    private readonly sweepEveryMs = 1_000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  start(item: T): void {
    this.waiting.set(item, this.nowMs() + this.timeoutMs);
    // Unref'd: requests in flight keep the process alive through their sockets, not through this.
    this.timer ??= setInterval(() => this.sweep(), this.sweepEveryMs).unref();
  }

  /** The item was answered, failed or abandoned: it can no longer expire. */
  end(item: T): void {
    this.waiting.delete(item);
  }

  sweep(): void {
    const now = this.nowMs();
    for (const [item, deadline] of this.waiting) {
      if (deadline > now) return;
      this.waiting.delete(item);
      this.expired(item);
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.waiting.clear();
  }
}
