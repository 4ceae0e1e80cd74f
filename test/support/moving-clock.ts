import { Clock } from '@keyport/common';

/** A clock tests move forward, so a grace of days passes in no time. */
export class MovingClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advanceDays(days: number): void {
    this.advanceMs(days * 86_400_000);
  }

  advanceMs(ms: number): void {
    this.offsetMs += ms;
  }
}
