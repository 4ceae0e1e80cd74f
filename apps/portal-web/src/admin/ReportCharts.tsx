import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { formatCount, formatDay } from '../ui/format';

/**
 * The reports' pictures, loaded on their own like the dashboard's chart. Each is summed up in words
 * for screen readers (its aria-label); the tables beside them hold the same figures.
 */
export function RequestsByDayChart({ days }: { days: Array<{ date: string; requests: number }> }) {
  const total = days.reduce((sum, day) => sum + day.requests, 0);
  return (
    <BarChart
      h={260}
      data={days.map((day) => ({ day: formatDay(`${day.date}T00:00:00Z`), requests: day.requests }))}
      dataKey="day"
      series={[{ name: 'requests', label: 'Requests', color: 'blue.6' }]}
      valueFormatter={formatCount}
      tickLine="none"
      gridAxis="x"
      yAxisProps={{ allowDecimals: false }}
      role="img"
      aria-label={`Requests per day, ${days.length} days: ${formatCount(total)} in total`}
      data-report-chart="by-day"
      barChartProps={{ accessibilityLayer: false }}
    />
  );
}

export function RequestsByTierChart({ tiers }: { tiers: Array<{ group: string; requests: number }> }) {
  return (
    <BarChart
      h={220}
      data={tiers.map((tier) => ({ tier: tier.group, requests: tier.requests }))}
      dataKey="tier"
      series={[{ name: 'requests', label: 'Requests', color: 'teal.6' }]}
      valueFormatter={formatCount}
      tickLine="none"
      gridAxis="x"
      yAxisProps={{ allowDecimals: false }}
      role="img"
      aria-label={`Requests by tier: ${tiers.map((tier) => `${tier.group} ${formatCount(tier.requests)}`).join(', ') || 'none'}`}
      data-report-chart="by-tier"
      barChartProps={{ accessibilityLayer: false }}
    />
  );
}
