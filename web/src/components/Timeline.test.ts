import { describe, expect, it } from 'vitest';
import type { Activity, Signal } from '../api/types';
import { timelineEntries } from './Timeline';

const signal = (id: string, at: string): Signal => ({ id, at, opportunity_id: 'o1', contact_id: 'c1', kind: 'reports_pain', version: 1 });
const activity = (id: string, at: string): Activity => ({ id, at, opportunity_id: 'o1', kind: 'demo', version: 1 });

describe('timelineEntries', () => {
  it('merges signals and activities, newest first', () => {
    const entries = timelineEntries(
      [signal('s1', '2026-02-10T10:00:00Z'), signal('s2', '2026-02-12T10:00:00Z')],
      [activity('a1', '2026-02-11T10:00:00Z')],
    );
    expect(entries.map((e) => e.key)).toEqual(['s-s2', 'a-a1', 's-s1']);
  });

  it('orders entries at the same moment by kind and id, so a reload never reshuffles them', () => {
    const at = '2026-02-10T10:00:00Z';
    const entries = timelineEntries([signal('s2', at), signal('s1', at)], [activity('a1', at)]);
    expect(entries.map((e) => e.key)).toEqual(['a-a1', 's-s1', 's-s2']);
  });
});
