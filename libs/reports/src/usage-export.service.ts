import { Injectable } from '@nestjs/common';
import { type DayRange } from './day-range';
import { type UsageExportPosition, UsageExportRepository } from './usage-export.repository';

// Small enough that each batch's text is an ordinary young object that dies cheaply, not a large-object allocation.
const BATCH_ROWS = 1_000;
export const USAGE_CSV_HEADER = 'day,developer_id,email,key_id,requests';

/**
 * The usage export as CSV text chunks, one row per key and day, read batch by batch so memory
 * stays flat however long the range: the consumer's pace (the HTTP response) drives the reads.
 */
@Injectable()
export class UsageExportService {
  constructor(private readonly rows: UsageExportRepository) {}

  async *csv(range: DayRange): AsyncGenerator<string> {
    yield `${USAGE_CSV_HEADER}\n`;
    const session = await this.rows.open(range);
    try {
      let after: UsageExportPosition | null = null;
      for (;;) {
        const batch = await session.batch(after, BATCH_ROWS);
        if (batch.rows > 0) yield batch.csv;
        if (batch.rows < BATCH_ROWS || !batch.last) return;
        after = batch.last;
      }
    } finally {
      // Also when the client goes away mid-export: the stream ends the generator early.
      await session.close();
    }
  }
}
