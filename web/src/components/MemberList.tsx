// The DMU as a table beside the clock: the same facts in words, for reading and for screen readers.

import { isStale } from '../clock/geometry';
import { formatNumber, formatPercent, formatRelativeDays, initials } from '../format';
import { label, t } from '../i18n';
import type { ClockMember } from './BuyingClock';

export function MemberList({ members, asOf, staleDays = 30 }: { members: ClockMember[]; asOf: Date; staleDays?: number }) {
  if (members.length === 0) return <p>{t('opp.noDmu')}</p>;
  const sorted = [...members].sort((a, b) => b.influence - a.influence);
  return (
    <table class="member-list">
      <caption class="visually-hidden">{t('clock.legend')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('log.contact')}</th>
          <th scope="col">{t('pipeline.col.readiness')}</th>
          <th scope="col">{t('clock.stance')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((m) => {
          const r = m.readiness;
          const stale = r ? isStale(r.last_evidence_at, asOf, staleDays) : false;
          return (
            <tr key={m.contact_id} class={stale ? 'stale' : ''}>
              <td>
                <span class={`badge stance-${m.stance ?? 'neutral'}`} aria-hidden="true">
                  {initials(m.name)}
                </span>{' '}
                <strong>{m.name}</strong>
                <div class="muted small">
                  {label('role', m.role)} · {t('clock.influence', { value: formatNumber(m.influence, undefined, 2) })}
                </div>
              </td>
              <td>
                {r ? (
                  <>
                    {label('stage', r.stage)} <span class="muted small">({formatPercent(r.confidence)})</span>
                    <div class="muted small">
                      {r.last_evidence_at ? formatRelativeDays(r.last_evidence_at, asOf) : t('clock.noEvidence')}
                      {stale && <> · {t('common.stale')}</>}
                      {r.momentum !== undefined && r.momentum !== null && (
                        <> · {t('clock.momentum')} {r.momentum > 0 ? '+' : ''}{formatNumber(r.momentum, undefined, 2)}</>
                      )}
                    </div>
                  </>
                ) : (
                  <span class="muted">{t('common.unknown')}</span>
                )}
              </td>
              <td>{m.stance ? label('stance', m.stance) : t('common.none')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
