// Recommended next actions: whom to meet, doing what, why, what to ask and which content to bring.

import type { NextAction } from '../api/types';
import { formatNumber } from '../format';
import { kindLabel, label, t } from '../i18n';
import { opportunityHref } from '../router';

export function NextActionList({
  actions,
  nameOf,
  dealOf,
}: {
  actions: NextAction[];
  nameOf: (contactId: string) => string;
  /** when given, each action names and links its deal (the cross-deal "My week" view) */
  dealOf?: (opportunityId: string) => string;
}) {
  if (actions.length === 0) return <p class="muted">{t('actions.none')}</p>;
  const sorted = [...actions].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  return (
    <ol class="action-list">
      {sorted.map((action, i) => (
        <li key={i} class="action">
          <div class="action-head">
            <strong>{kindLabel(action.activity)}</strong>
            {action.contact_id && <span> {t('actions.with', { name: nameOf(action.contact_id) })}</span>}
            {dealOf && (
              <span class="muted">
                {' · '}
                <a href={opportunityHref(action.opportunity_id)}>{dealOf(action.opportunity_id)}</a>
              </span>
            )}
            {action.score !== undefined && <span class="pill">{t('actions.score', { score: formatNumber(action.score, undefined, 2) })}</span>}
          </div>
          {action.purpose && <p>{action.purpose}</p>}
          {action.reason && (action.reason.stage || action.reason.friction) && (
            <p class="muted small">
              {t('actions.because', {
                reason: [
                  action.reason.stage ? t('actions.atStage', { stage: label('stage', action.reason.stage) }) : '',
                  action.reason.friction ? label('frictionKind', action.reason.friction) : '',
                ]
                  .filter(Boolean)
                  .join(' · '),
              })}
            </p>
          )}
          {action.questions && action.questions.length > 0 && (
            <details open={i === 0}>
              <summary>{t('actions.questions')}</summary>
              <ul>
                {action.questions.map((q, k) => (
                  <li key={k}>{q}</li>
                ))}
              </ul>
            </details>
          )}
          {action.talking_points && action.talking_points.length > 0 && (
            <details>
              <summary>{t('actions.talkingPoints')}</summary>
              <ul>
                {action.talking_points.map((p, k) => (
                  <li key={k}>{p}</li>
                ))}
              </ul>
            </details>
          )}
          {action.content && action.content.length > 0 && (
            <div class="small">
              {t('actions.content')}:{' '}
              {action.content.map((c, k) => (
                <span key={c.id}>
                  {k > 0 && ', '}
                  {c.url ? (
                    <a href={c.url} target="_blank" rel="noopener noreferrer">
                      {c.title}
                    </a>
                  ) : (
                    c.title
                  )}
                </span>
              ))}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
