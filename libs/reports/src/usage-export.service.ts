import { Injectable } from '@nestjs/common';
import { type DayRange } from './day-range';
import { type UsageExportRow, UsageExportRepository } from './usage-export.repository';

const BATCH_ROWS = 5_000;
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
    let after: { keyId: string; day: string } | null = null;
    for (;;) {
      const batch = await this.rows.batch(range, after, BATCH_ROWS);
      if (batch.length === 0) return;
      yield batch.map(toLine).join('');
      const last = batch[batch.length - 1];
      if (batch.length < BATCH_ROWS) return;
      after = { keyId: last.key_id, day: last.day };
    }
  }
}

function toLine(row: UsageExportRow): string {
  return `${row.day},${cell(row.developer_id)},${cell(row.email ?? '')},${row.key_id},${row.requests}\n`;
}

/** RFC 4180 quoting, and a leading quote mark so a spreadsheet never runs a cell as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
