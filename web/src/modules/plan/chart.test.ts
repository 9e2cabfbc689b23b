import { describe, expect, it } from 'vitest';
import { CHART, chartGeometry, niceStep } from './chart';

describe('the indicator chart', () => {
  it('scales values and the target into the box, higher values higher up', () => {
    const g = chartGeometry(
      [
        { period: '2024', value: 120 },
        { period: '2025', value: 160 },
      ],
      300,
      100,
    );
    expect(g.min).toBe(0);
    expect(g.max).toBeGreaterThanOrEqual(300);
    expect(g.points[0].x).toBe(CHART.left);
    expect(g.points[1].x).toBe(CHART.width - CHART.right);
    expect(g.points[1].y).toBeLessThan(g.points[0].y);
    expect(g.targetY!).toBeLessThan(g.points[1].y);
    expect(g.baselineY!).toBeGreaterThan(g.points[0].y);
    expect(g.ticks[0].value).toBe(0);
    expect(g.ticks[g.ticks.length - 1].value).toBe(g.max);
  });

  it('puts a single value in the middle and copes with negative values', () => {
    const g = chartGeometry([{ period: '2025', value: -5 }], null, null);
    expect(g.points[0].x).toBe(CHART.left + (CHART.width - CHART.left - CHART.right) / 2);
    expect(g.min).toBeLessThan(0);
    expect(g.targetY).toBeNull();
  });

  it('picks round steps', () => {
    expect(niceStep(300)).toBe(100);
    expect(niceStep(10)).toBe(2.5);
    expect(niceStep(0)).toBe(1);
  });
});
