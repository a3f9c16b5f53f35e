// The content library's coverage: a stage x persona grid shaded by the number of items, with the
// gaps marked in words, not only in colour.

import type { Coverage } from '../api/types';
import { readable } from '../format';
import { label, t } from '../i18n';

export function heatLevel(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

export function CoverageHeatMap({ coverage }: { coverage: Coverage }) {
  const max = Math.max(0, ...coverage.counts.flat());
  const gaps = new Set(coverage.gaps.map((g) => `${g.stage}|${g.persona}`));
  return (
    <div class="table-wrap">
      <table class="heatmap">
        <caption>
          {t('content.coverageHelp')} {t('content.gaps', { n: coverage.gaps.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('content.stage')}</th>
            {coverage.personas.map((persona) => (
              <th key={persona} scope="col">
                {readable(persona)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {coverage.stages.map((stage, i) => (
            <tr key={stage}>
              <th scope="row">{label('stage', stage)}</th>
              {coverage.personas.map((persona, j) => {
                const count = coverage.counts[i]?.[j] ?? 0;
                const gap = gaps.has(`${stage}|${persona}`);
                return (
                  <td key={persona} class={`heat heat-${heatLevel(count, max)}${gap ? ' gap' : ''}`}>
                    {gap ? <span class="gap-mark">{t('content.gap')}</span> : count}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
