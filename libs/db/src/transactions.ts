import { Injectable } from '@nestjs/common';
import { Db } from './db';

/** Lets a service make several repository calls atomic without seeing the database client. */
@Injectable()
export class Transactions {
  constructor(private readonly db: Db) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
