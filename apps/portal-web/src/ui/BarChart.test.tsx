import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInApp } from '../testing/render';
import { BarChart, roundTop } from './BarChart';

describe('BarChart', () => {
  it('draws one bar per value, as tall as its share of a round top, and sums itself up for screen readers', () => {
    const bars = [
      { label: 'Dec 1', value: 30 },
      { label: 'Dec 2', value: 0 },
      { label: 'Dec 3', value: 45 },
    ];
    renderInApp(<BarChart bars={bars} height={200} color="blue.6" aria-label="Requests per day: 75 in total" marker={{ 'data-usage-chart': '' }} />);
    const chart = screen.getByRole('img', { name: 'Requests per day: 75 in total' });
    expect(chart.hasAttribute('data-usage-chart')).toBe(true);
    const drawn = [...chart.querySelectorAll<HTMLElement>('[data-bar]')];
    expect(drawn.map((bar) => bar.style.height)).toEqual(['60%', '0%', '90%']); // top: 50
    expect(drawn.map((bar) => bar.title)).toEqual(['Dec 1: 30', 'Dec 2: 0', 'Dec 3: 45']);
    expect(chart.textContent).toContain('50'); // the grid's top
  });

  it('labels at most eight bars under the chart, the rest in their hover text', () => {
    const bars = Array.from({ length: 30 }, (_, day) => ({ label: `Day ${day + 1}`, value: day }));
    renderInApp(<BarChart bars={bars} height={200} color="teal.6" aria-label="30 days" marker={{ 'data-report-chart': 'by-day' }} />);
    const chart = screen.getByRole('img', { name: '30 days' });
    expect(chart.querySelectorAll('[data-bar]')).toHaveLength(30);
    const labels = [...(chart.querySelector('[data-chart-labels]')?.children ?? [])].map((label) => label.textContent);
    expect(labels).toHaveLength(30);
    expect(labels.filter(Boolean)).toEqual(['Day 1', 'Day 5', 'Day 9', 'Day 13', 'Day 17', 'Day 21', 'Day 25', 'Day 29']);
  });

  it('draws no bar above zero when nothing was used', () => {
    renderInApp(<BarChart bars={[{ label: 'Dec 1', value: 0 }]} height={200} color="blue.6" aria-label="none" marker={{ 'data-usage-chart': '' }} />);
    expect(screen.getByRole('img', { name: 'none' }).querySelector<HTMLElement>('[data-bar]')?.style.height).toBe('0%');
  });
});

describe('roundTop', () => {
  it('rounds up to whole, readable grid values', () => {
    expect([0, 1, 3, 9, 10, 11, 45, 120, 999, 1001, 250_000].map(roundTop)).toEqual([2, 2, 4, 10, 10, 20, 50, 200, 1000, 2000, 500_000]);
  });
});
