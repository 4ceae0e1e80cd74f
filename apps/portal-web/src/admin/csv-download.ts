import { api, unwrap } from '../api/client';
import type { DayRange } from './admin.queries';

/**
 * "Download CSV": the export needs the bearer token, which a plain link cannot carry (tokens live in
 * memory), so the page fetches the stream and hands the browser the file it read.
 */
export async function downloadUsageCsv(range: DayRange): Promise<void> {
  const blob = await unwrap(api.GET('/v1/admin/usage.csv', { params: { query: range }, parseAs: 'blob' }));
  const url = URL.createObjectURL(blob as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `usage-${range.from}-${range.to}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
