// The frictions of one opportunity, most severe first, each with the engine's explanation.

import type { Friction } from '../api/types';
import { formatPercent } from '../format';
import { label, t } from '../i18n';
import { bySeverity, severityRank } from '../readiness';

export function FrictionList({ frictions, nameOf }: { frictions: Friction[]; nameOf: (contactId: string) => string }) {
  if (frictions.length === 0) return <p class="muted">{t('friction.none')}</p>;
  return (
    <ul class="friction-list">
      {bySeverity(frictions).map((friction, i) => {
        const rank = severityRank(friction.severity);
        const level = rank >= 0.7 ? 'high' : rank >= 0.4 ? 'medium' : 'low';
        // A number shows as a percentage; a word as our own word for its level.
        const severity =
          typeof friction.severity === 'number'
            ? formatPercent(friction.severity)
            : friction.severity
              ? t(level === 'high' ? 'severity.high' : level === 'medium' ? 'severity.medium' : 'severity.low')
              : undefined;
        return (
          <li key={i} class={`friction severity-${level}`}>
            <div class="friction-head">
              <strong>{label('frictionKind', friction.kind)}</strong>
              {severity && <span class="pill">{t('friction.severity', { value: severity })}</span>}
            </div>
            {friction.contact_id && <div class="muted small">{t('friction.about', { name: nameOf(friction.contact_id) })}</div>}
            {friction.explanation && <p>{friction.explanation}</p>}
          </li>
        );
      })}
    </ul>
  );
}
