/** Milliseconds since the epoch, behind a class so tests can move time; a number keeps the hot path allocation-free. */
export class GatewayClock {
  nowMs(): number {
    return Date.now();
  }
}
