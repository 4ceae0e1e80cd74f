import { Injectable } from '@nestjs/common';

/** Milliseconds since the epoch, behind a class so tests can move time; a number keeps the hot path allocation-free. */
@Injectable()
export class GatewayClock {
  nowMs(): number {
    return Date.now();
  }
}
