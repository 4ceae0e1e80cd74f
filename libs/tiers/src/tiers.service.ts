import { Injectable } from '@nestjs/common';
import { invalid, notFound } from '@keyport/common';
import { DEFAULT_TIERS, type Tier } from './tier';
import { type TierChanges } from './tier';
import { TiersRepository } from './tiers.repository';

@Injectable()
export class TiersService {
  constructor(private readonly tiers: TiersRepository) {}

  list(): Promise<Tier[]> {
    return this.tiers.list();
  }

  /** The tier, or a 400 naming the field: a tier slug always arrives as client input. */
  async require(slug: string, field = 'tier'): Promise<Tier> {
    const tier = await this.tiers.find(slug);
    if (!tier) throw invalid(`Unknown tier "${slug}"`, [{ field, message: `must be an existing tier` }]);
    return tier;
  }

  /** A tier Keyport itself refers to (a developer's): missing means it was deleted under them, 404 TIER_NOT_FOUND. */
  async get(slug: string): Promise<Tier> {
    const tier = await this.tiers.find(slug);
    if (!tier) throw notFound(`Tier "${slug}"`, 'TIER_NOT_FOUND');
    return tier;
  }

  find(slug: string): Promise<Tier | null> {
    return this.tiers.find(slug);
  }

  update(slug: string, changes: TierChanges): Promise<Tier> {
    return this.tiers.update(slug, changes);
  }

  ensureDefaults(): Promise<void> {
    return this.tiers.insertMissing(DEFAULT_TIERS);
  }
}
