import { Box, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { formatCount } from './format';

export interface Bar {
  /** Under the bar (when there is room) and in its hover text. */
  label: string;
  value: number;
}

interface BarChartProps {
  bars: Bar[];
  /** Height of the plot area in px (the labels below add ~20 px). */
  height: number;
  /** A Mantine colour, e.g. `blue.6`. */
  color: string;
  /** The picture summed up in words for screen readers: its bars are not reachable one by one. */
  'aria-label': string;
  /** Marks the chart for tests and benchmarks, e.g. `{ 'data-usage-chart': '' }`. */
  marker: Record<`data-${string}`, string>;
}

/** At most this many labels under the bars; the others are in each bar's hover text. */
const MAX_LABELS = 8;
const AXIS_WIDTH = 56;

/**
 * Bars drawn with plain elements: the portal's charts are a few dozen bars, so a charting library
 * (recharts: ~470 KB of JavaScript to parse on the way to the dashboard) bought nothing but time.
 * The scale's top is a round number; three grid lines carry its values.
 */
export function BarChart({ bars, height, color, marker, 'aria-label': ariaLabel }: BarChartProps) {
  const top = roundTop(Math.max(0, ...bars.map((bar) => bar.value)));
  const every = Math.max(1, Math.ceil(bars.length / MAX_LABELS));
  const fill = `var(--mantine-color-${color.replace('.', '-')})`;
  return (
    <Box role="img" aria-label={ariaLabel} {...marker} style={{ position: 'relative', paddingLeft: AXIS_WIDTH }}>
      <Box aria-hidden style={{ position: 'relative', height }}>
        {[1, 0.5, 0].map((share) => (
          <GridLine key={share} bottom={share * height} value={share * top} />
        ))}
        <Box data-chart-bars="" style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'flex-end', gap: 2 }}>
          {bars.map((bar, index) => (
            <Box
              key={`${bar.label}-${index}`}
              data-bar=""
              title={`${bar.label}: ${formatCount(bar.value)}`}
              style={{ ...barStyle(bar.value, top), background: fill }}
            />
          ))}
        </Box>
      </Box>
      <Box aria-hidden data-chart-labels="" style={{ display: 'flex', gap: 2, marginTop: 4 }}>
        {bars.map((bar, index) => (
          <Text key={`${bar.label}-${index}`} size="xs" c="dimmed" ta="center" style={{ flex: '1 1 0', minWidth: 0, whiteSpace: 'nowrap', overflow: 'visible' }}>
            {index % every === 0 ? bar.label : ''}
          </Text>
        ))}
      </Box>
    </Box>
  );
}

function GridLine({ bottom, value }: { bottom: number; value: number }) {
  return (
    <Box style={{ position: 'absolute', left: 0, right: 0, bottom, borderTop: '1px dashed var(--mantine-color-default-border)' }}>
      <Text size="xs" c="dimmed" style={{ position: 'absolute', right: '100%', marginRight: 8, transform: 'translateY(-50%)', whiteSpace: 'nowrap' }}>
        {formatCount(value)}
      </Text>
    </Box>
  );
}

function barStyle(value: number, top: number): CSSProperties {
  return { flex: '1 1 0', minWidth: 1, height: `${top === 0 ? 0 : (value / top) * 100}%`, borderRadius: '3px 3px 0 0' };
}

/**
 * The scale's top: below 10 the next even number (at least 2), else the smallest 1, 2 or 5 × 10ⁿ at
 * or above `max`, so the grid's values (top, half, zero) are whole numbers that read well.
 */
export function roundTop(max: number): number {
  if (max < 10) return Math.max(2, 2 * Math.ceil(max / 2));
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((candidate) => candidate * magnitude >= max) ?? 10;
  return step * magnitude;
}
