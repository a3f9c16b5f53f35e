// How the forecast did in past periods: actual revenue against our P50 (with its band) and against
// the stage-weighted number, with each method's mean absolute error.

import type { BacktestPeriod } from '../api/types';
import { linearScale, meanAbsoluteError, niceTicks, points } from '../charts/scale';
import { formatCompact, formatMoney } from '../format';
import { t } from '../i18n';

const W = 640;
const H = 260;
const M = { top: 16, right: 16, bottom: 36, left: 64 };

export function BacktestChart({ periods, currency }: { periods: BacktestPeriod[]; currency?: string }) {
  const max = Math.max(1, ...periods.flatMap((p) => [p.actual, p.p50, p.p90 ?? 0, p.stage_weighted]));
  const ticks = niceTicks(0, max, 5);
  const top = Math.max(max, ticks[ticks.length - 1] ?? max);
  const x = linearScale([0, Math.max(1, periods.length - 1)], [M.left + 20, W - M.right - 20]);
  const y = linearScale([0, top], [H - M.bottom, M.top]);
  const xs = periods.map((_, i) => x(i));
  const hasBand = periods.length > 1 && periods.every((p) => p.p10 !== undefined && p.p90 !== undefined);
  const band = hasBand
    ? points([...xs, ...[...xs].reverse()], [...periods.map((p) => y(p.p90 ?? 0)), ...[...periods].reverse().map((p) => y(p.p10 ?? 0))])
    : '';
  const ours = meanAbsoluteError(periods.map((p) => ({ forecast: p.p50, actual: p.actual })));
  const theirs = meanAbsoluteError(periods.map((p) => ({ forecast: p.stage_weighted, actual: p.actual })));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('forecast.backtest')}. ${t('forecast.error')}: ${t('forecast.p50')} ${formatMoney(ours, currency)}, ${t('forecast.stageWeighted')} ${formatMoney(theirs, currency)}`}>
        {ticks.map((tick) => (
          <g key={tick} aria-hidden="true">
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} class="grid" />
            <text x={M.left - 8} y={y(tick)} text-anchor="end" dominant-baseline="central" class="axis">
              {formatCompact(tick)}
            </text>
          </g>
        ))}
        {periods.map((p, i) => (
          <text key={p.period} x={xs[i]} y={H - 12} text-anchor="middle" class="axis" aria-hidden="true">
            {p.period}
          </text>
        ))}
        {hasBand && <polygon points={band} class="fan-band" />}
        <polyline points={points(xs, periods.map((p) => y(p.p50)))} class="fan-p50" />
        <polyline points={points(xs, periods.map((p) => y(p.stage_weighted)))} class="stage-weighted" />
        <polyline points={points(xs, periods.map((p) => y(p.actual)))} class="actual" />
        {periods.map((p, i) => (
          <circle key={p.period} cx={xs[i]} cy={y(p.actual)} r={4} class="actual-dot" />
        ))}
      </svg>
      <figcaption class="legend small">
        <span><span class="key key-actual" aria-hidden="true" /> {t('forecast.actual')}</span>
        <span><span class="key key-p50" aria-hidden="true" /> {t('forecast.p50')}</span>
        <span><span class="key key-sw" aria-hidden="true" /> {t('forecast.stageWeighted')}</span>
        <span>
          {t('forecast.error')}: {t('forecast.p50')} {formatMoney(ours, currency)} · {t('forecast.stageWeighted')} {formatMoney(theirs, currency)}
        </span>
      </figcaption>
    </figure>
  );
}
