// Hand-written chart helpers: a linear scale and round tick values. Enough for the forecast's two
// charts; a chart library would add weight without adding anything they need.

export type Scale = (value: number) => number;

export function linearScale(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 times a power of ten). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/** Polyline points `x,y x,y ...` for SVG. */
export function points(xs: number[], ys: number[]): string {
  return xs.map((x, i) => `${Math.round(x * 10) / 10},${Math.round((ys[i] ?? 0) * 10) / 10}`).join(' ');
}

/** Mean absolute error of `forecast` against `actual`, skipping pairs without a number. */
export function meanAbsoluteError(pairs: { forecast?: number; actual?: number }[]): number | undefined {
  const valid = pairs.filter((p) => Number.isFinite(p.forecast) && Number.isFinite(p.actual));
  if (valid.length === 0) return undefined;
  return valid.reduce((sum, p) => sum + Math.abs((p.forecast as number) - (p.actual as number)), 0) / valid.length;
}
