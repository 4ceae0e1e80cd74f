import { Injectable } from '@nestjs/common';
import { KeyOwnerLock, type KeyOwnerStanding } from '@keyport/keys';
import { DevelopersRepository } from './developers.repository';

/**
 * The keys lib's lock on the developer whose key it creates or rotates (it asks through its port:
 * this lib imports that one). The same row lock as every read-modify-write of a developer here, so
 * a suspension and a key creation are ordered too.
 */
@Injectable()
export class DeveloperKeyOwnerLock extends KeyOwnerLock {
  constructor(private readonly developers: DevelopersRepository) {
    super();
  }

  async lockInside(developerId: string): Promise<KeyOwnerStanding | null> {
    const status = await this.developers.lockStatus(developerId);
    return status === null ? null : { suspended: status === 'SUSPENDED' };
  }
}
