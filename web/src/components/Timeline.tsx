// Signals (what buyers did) and activities (what the seller did), newest first, on one line of time.

import { useState } from 'preact/hooks';
import type { Activity, Signal } from '../api/types';
import { formatDateTime } from '../format';
import { kindLabel, label, t } from '../i18n';

type Entry = { at: string; key: string } & ({ type: 'signal'; signal: Signal } | { type: 'activity'; activity: Activity });

export function timelineEntries(signals: Signal[], activities: Activity[]): Entry[] {
  const entries: Entry[] = [
    ...signals.map((signal) => ({ at: signal.at, key: `s-${signal.id}`, type: 'signal' as const, signal })),
    ...activities.map((activity) => ({ at: activity.at, key: `a-${activity.id}`, type: 'activity' as const, activity })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key.localeCompare(b.key)));
}

/** How many of the newest entries show before the user asks for the whole history. */
export const TIMELINE_PREVIEW = 15;

export function Timeline({
  signals,
  activities,
  nameOf,
}: {
  signals: Signal[];
  activities: Activity[];
  nameOf: (contactId: string) => string;
}) {
  const [expanded, setExpanded] = useState(false);
  const entries = timelineEntries(signals, activities);
  if (entries.length === 0) return <p class="muted">{t('timeline.empty')}</p>;
  const shown = expanded ? entries : entries.slice(0, TIMELINE_PREVIEW);
  return (
    <>
      <ol class="timeline" id="timeline-entries">
        {shown.map((entry) => (
          <li key={entry.key} class={`timeline-entry ${entry.type}`}>
            <time dateTime={entry.at} class="muted small">
              {formatDateTime(entry.at)}
            </time>
            {entry.type === 'signal' ? (
              <div>
                <span class="visually-hidden">{t('timeline.signal')}: </span>
                <span class="kind-tag signal-tag" aria-hidden="true">
                  ◆
                </span>{' '}
                <strong>{kindLabel(entry.signal.kind)}</strong>
                {entry.signal.stage && <> ({t('timeline.assessedAt', { stage: label('stage', entry.signal.stage) })})</>} —{' '}
                {nameOf(entry.signal.contact_id)}
                {entry.signal.source && <span class="muted small"> · {label('source', entry.signal.source)}</span>}
                {entry.signal.note && <p class="note">{entry.signal.note}</p>}
              </div>
            ) : (
              <div>
                <span class="visually-hidden">{t('timeline.activity')}: </span>
                <span class="kind-tag activity-tag" aria-hidden="true">
                  ●
                </span>{' '}
                <strong>{kindLabel(entry.activity.kind)}</strong>
                {entry.activity.contact_ids && entry.activity.contact_ids.length > 0 && <> — {entry.activity.contact_ids.map(nameOf).join(', ')}</>}
                {entry.activity.duration_min !== undefined && (
                  <span class="muted small"> · {t('timeline.minutes', { n: entry.activity.duration_min })}</span>
                )}
                {entry.activity.note && <p class="note">{entry.activity.note}</p>}
              </div>
            )}
          </li>
        ))}
      </ol>
      {entries.length > TIMELINE_PREVIEW && (
        <button type="button" class="link more" aria-controls="timeline-entries" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('timeline.showFewer', { n: TIMELINE_PREVIEW }) : t('timeline.showAll', { n: entries.length })}
        </button>
      )}
    </>
  );
}
