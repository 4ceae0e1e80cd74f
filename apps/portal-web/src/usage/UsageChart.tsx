import { BarChart } from '../ui/BarChart';
import { formatCount, formatDay } from '../ui/format';
import type { DailyRequests } from './days';

/** Requests per day as bars, summed up in words for screen readers. */
export default function UsageChart({ days }: { days: DailyRequests[] }) {
  const total = days.reduce((sum, day) => sum + day.requests, 0);
  return (
    <BarChart
      height={240}
      color="blue.6"
      bars={days.map((day) => ({ label: formatDay(`${day.date}T00:00:00Z`), value: day.requests }))}
      aria-label={`Requests per day over the last ${days.length} days: ${formatCount(total)} in total`}
      marker={{ 'data-usage-chart': '' }}
    />
  );
}
