// What one content item did for buyers: the figures the server reports for it, as given.

import type { ContentInfluence } from '../api/types';
import { formatNumber, formatPercent } from '../format';
import { CATALOGUES, getLanguage } from '../i18n';

/** The label of a figure: from the catalogue for the fields we know, else the field name, readably. */
function humanize(key: string): string {
  const known = (CATALOGUES[getLanguage()] as Record<string, string>)[`influence.${key}`];
  if (known) return known;
  const text = key.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function show(key: string, value: unknown): string {
  if (typeof value === 'number') return /rate|share|lift|probability|pct/.test(key) && Math.abs(value) <= 1 ? formatPercent(value) : formatNumber(value);
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  return '';
}

export function InfluencePanel({ influence }: { influence: ContentInfluence }) {
  const scalars = Object.entries(influence).filter(([key, value]) => !/_id$|^id$|^version$/.test(key) && show(key, value) !== '');
  return (
    <dl class="facts influence">
      {scalars.map(([key, value]) => (
        <div key={key}>
          <dt>{humanize(key)}</dt>
          <dd>{show(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
