import { Injectable } from '@nestjs/common';
import { PlanBindingsRepository } from './plan-bindings.repository';

/** Which usage plan at the gateway belongs to which plan owner (`planOwner.tier`, `planOwner.developer`). */
@Injectable()
export class PlanBindingsService {
  constructor(private readonly bindings: PlanBindingsRepository) {}

  /** The gateway's id of the owner's usage plan, or null when Keyport has none for it yet. */
  planIdOf(owner: string): Promise<string | null> {
    return this.bindings.planIdOf(owner);
  }

  bind(owner: string, planId: string): Promise<void> {
    return this.bindings.bind(owner, planId);
  }

  unbind(owner: string): Promise<void> {
    return this.bindings.unbind(owner);
  }

  /** Every owner's plan, for matching the gateway's plans back to Keyport's. */
  all(): Promise<Array<{ owner: string; planId: string }>> {
    return this.bindings.all();
  }
}
