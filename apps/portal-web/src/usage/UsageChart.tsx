import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { formatCount, formatDay } from '../ui/format';
import type { DailyRequests } from './days';

/**
 * Requests per day as bars. Loaded on its own (the charting library is the largest part of the app),
 * so the sign-in page does not wait for it.
 */
export default function UsageChart({ days }: { days: DailyRequests[] }) {
  const total = days.reduce((sum, day) => sum + day.requests, 0);
  const data = days.map((day) => ({ day: formatDay(`${day.date}T00:00:00Z`), requests: day.requests }));
  return (
    <BarChart
      h={260}
      data={data}
      dataKey="day"
      series={[{ name: 'requests', label: 'Requests', color: 'blue.6' }]}
      valueFormatter={formatCount}
      tickLine="none"
      gridAxis="x"
      yAxisProps={{ allowDecimals: false }}
      // The picture is summed up in words for screen readers; its parts are not reachable one by one.
      role="img"
      aria-label={`Requests per day over the last ${days.length} days: ${formatCount(total)} in total`}
      data-usage-chart=""
      barChartProps={{ accessibilityLayer: false }}
    />
  );
}
