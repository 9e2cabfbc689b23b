// The geometry of an indicator chart: values per period as a line, the target as a level,
// scaled into a width × height box with room for the labels. Pure, so it is unit-tested.
export interface Point {
  period: string;
  value: number;
}

export interface ChartGeometry {
  points: { x: number; y: number; period: string; value: number }[];
  targetY: number | null;
  baselineY: number | null;
  ticks: { y: number; value: number }[];
  min: number;
  max: number;
}

export const CHART = { width: 560, height: 220, left: 56, right: 16, top: 16, bottom: 32 };

// A round step giving about `count` ticks between min and max.
export function niceStep(span: number, count = 4): number {
  if (span <= 0) return 1;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (raw <= m * magnitude) return m * magnitude;
  return 10 * magnitude;
}

export function chartGeometry(series: Point[], target: number | null, baseline: number | null): ChartGeometry {
  const values = [...series.map((p) => p.value), ...(target !== null ? [target] : []), ...(baseline !== null ? [baseline] : [])];
  let min = Math.min(0, ...values);
  let max = Math.max(...values, 1);
  const step = niceStep(max - min);
  min = Math.floor(min / step) * step;
  max = Math.ceil(max / step) * step;
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const y = (v: number) => CHART.top + plotH - ((v - min) / (max - min || 1)) * plotH;
  const x = (i: number) => CHART.left + (series.length <= 1 ? plotW / 2 : (i / (series.length - 1)) * plotW);
  const ticks: { y: number; value: number }[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push({ y: y(v), value: Number(v.toPrecision(12)) });
  return {
    points: series.map((p, i) => ({ x: x(i), y: y(p.value), period: p.period, value: p.value })),
    targetY: target !== null ? y(target) : null,
    baselineY: baseline !== null ? y(baseline) : null,
    ticks,
    min,
    max,
  };
}
