// The revenue forecast per period as a fan: the P10-P90 band, the P50 line, and the single
// stage-weighted number as a dashed line to compare against.

import { linearScale, niceTicks, points } from '../charts/scale';
import { formatCompact, formatMoney } from '../format';
import { t } from '../i18n';

export interface FanPoint {
  period: string;
  p10: number;
  p50: number;
  p90: number;
  stage_weighted: number;
}

const W = 640;
const H = 300;
const M = { top: 16, right: 16, bottom: 36, left: 64 };

export function FanChart({ data, currency }: { data: FanPoint[]; currency?: string }) {
  const max = Math.max(1, ...data.flatMap((d) => [d.p90, d.stage_weighted, d.p50]));
  const ticks = niceTicks(0, max, 5);
  const top = Math.max(max, ticks[ticks.length - 1] ?? max);
  const x = linearScale([0, Math.max(1, data.length - 1)], [M.left + 20, W - M.right - 20]);
  const y = linearScale([0, top], [H - M.bottom, M.top]);
  const xs = data.map((_, i) => x(i));
  const band = points([...xs, ...[...xs].reverse()], [...data.map((d) => y(d.p90)), ...[...data].reverse().map((d) => y(d.p10))]);
  const summary = data
    .map((d) => `${d.period}: P10 ${formatMoney(d.p10, currency)}, P50 ${formatMoney(d.p50, currency)}, P90 ${formatMoney(d.p90, currency)}; ${t('forecast.stageWeighted')} ${formatMoney(d.stage_weighted, currency)}`)
    .join('. ');
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('forecast.fan')}. ${summary}`}>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} class="grid" />
            <text x={M.left - 8} y={y(tick)} text-anchor="end" dominant-baseline="central" class="axis">
              {formatCompact(tick)}
            </text>
          </g>
        ))}
        {data.map((d, i) => (
          <text key={d.period} x={xs[i]} y={H - 12} text-anchor="middle" class="axis" aria-hidden="true">
            {d.period}
          </text>
        ))}
        {data.length > 1 ? <polygon points={band} class="fan-band" /> : null}
        {data.length === 1 && <line x1={xs[0]} x2={xs[0]} y1={y(data[0]?.p10 ?? 0)} y2={y(data[0]?.p90 ?? 0)} class="fan-whisker" />}
        <polyline points={points(xs, data.map((d) => y(d.p50)))} class="fan-p50" />
        <polyline points={points(xs, data.map((d) => y(d.stage_weighted)))} class="stage-weighted" />
        {data.map((d, i) => (
          <g key={d.period}>
            <circle cx={xs[i]} cy={y(d.p50)} r={4} class="p50-dot" />
            <rect x={(xs[i] ?? 0) - 4} y={y(d.stage_weighted) - 4} width={8} height={8} class="sw-mark" />
          </g>
        ))}
      </svg>
      <figcaption class="legend small">
        <span><span class="key key-band" aria-hidden="true" /> {t('forecast.p10')}–{t('forecast.p90')}</span>
        <span><span class="key key-p50" aria-hidden="true" /> {t('forecast.p50')}</span>
        <span><span class="key key-sw" aria-hidden="true" /> {t('forecast.stageWeighted')}</span>
      </figcaption>
    </figure>
  );
}
