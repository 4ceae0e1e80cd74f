import { BarChart } from '../ui/BarChart';
import { formatCount, formatDay } from '../ui/format';

/**
 * The reports' pictures. Each is summed up in words for screen readers (its aria-label); the tables
 * beside them hold the same figures.
 */
export function RequestsByDayChart({ days }: { days: Array<{ date: string; requests: number }> }) {
  const total = days.reduce((sum, day) => sum + day.requests, 0);
  return (
    <BarChart
      height={240}
      color="blue.6"
      bars={days.map((day) => ({ label: formatDay(`${day.date}T00:00:00Z`), value: day.requests }))}
      aria-label={`Requests per day, ${days.length} days: ${formatCount(total)} in total`}
      marker={{ 'data-report-chart': 'by-day' }}
    />
  );
}

export function RequestsByTierChart({ tiers }: { tiers: Array<{ group: string; requests: number }> }) {
  return (
    <BarChart
      height={200}
      color="teal.6"
      bars={tiers.map((tier) => ({ label: tier.group, value: tier.requests }))}
      aria-label={`Requests by tier: ${tiers.map((tier) => `${tier.group} ${formatCount(tier.requests)}`).join(', ') || 'none'}`}
      marker={{ 'data-report-chart': 'by-tier' }}
    />
  );
}
