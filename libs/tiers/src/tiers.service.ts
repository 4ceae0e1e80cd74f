import { Injectable } from '@nestjs/common';
import { invalid } from '@keyport/common';
import { DEFAULT_TIERS, type Tier } from './tier';
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

  find(slug: string): Promise<Tier | null> {
    return this.tiers.find(slug);
  }

  ensureDefaults(): Promise<void> {
    return this.tiers.insertMissing(DEFAULT_TIERS);
  }
}
