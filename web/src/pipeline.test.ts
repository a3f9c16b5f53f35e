import { describe, expect, it } from 'vitest';
import type { Opportunity, Readiness } from './api/types';
import { groupRows } from './components/PhaseBoard';
import { searchKinds, nowIso } from './components/QuickLogForm';
import { filterRows, owners, pipelineRows, sortRows } from './pipeline';
import { severityRank, topFriction } from './readiness';

const opp = (id: string, name: string, extra: Partial<Opportunity> = {}): Opportunity => ({ id, name, account_id: 'a1', status: 'open', version: 1, ...extra });
const readiness = (id: string, stage: string, score: number): Readiness => ({
  opportunity_id: id,
  as_of: '2026-03-01T00:00:00Z',
  readiness: { stage, confidence: 0.5 },
  alignment: { score },
  members: [],
  frictions: [
    { kind: 'stale_member', severity: 'low' },
    { kind: 'missing_role', severity: 'high', explanation: 'no economic buyer' },
  ],
});

const rows = pipelineRows(
  [opp('o1', 'Route planning', { owner: 'u1', amount: 48000 }), opp('o2', 'Kitchen', { owner: 'u2', amount: 12000 }), opp('o3', 'Cloud', { owner: 'u1' })],
  new Map([['a1', { id: 'a1', name: 'Transport Janssens', version: 1 }]]),
  new Map([
    ['o1', readiness('o1', 'vendors_evaluated', 0.4)],
    ['o2', readiness('o2', 'need_quantified', 0.8)],
  ]),
);

describe('pipeline rows', () => {
  it('joins accounts and the most severe friction', () => {
    expect(rows[0]).toMatchObject({ account: 'Transport Janssens', stage: 'vendors_evaluated', alignment: 0.4 });
    expect(rows[0]?.friction?.kind).toBe('missing_role');
    expect(rows[2]?.stage).toBeUndefined();
  });

  it('filters by owner and by text in name or account', () => {
    expect(filterRows(rows, { owner: 'u1' }).map((r) => r.id)).toEqual(['o1', 'o3']);
    expect(filterRows(rows, { text: 'kitch' }).map((r) => r.id)).toEqual(['o2']);
    expect(filterRows(rows, { text: 'janssens' })).toHaveLength(3);
    expect(owners(rows)).toEqual(['u1', 'u2']);
  });

  it('sorts by a column either way, rows without a value last', () => {
    expect(sortRows(rows, 'amount', 'desc').map((r) => r.id)).toEqual(['o1', 'o2', 'o3']);
    expect(sortRows(rows, 'amount', 'asc').map((r) => r.id)).toEqual(['o2', 'o1', 'o3']);
    expect(sortRows(rows, 'readiness', 'asc').map((r) => r.id)).toEqual(['o2', 'o1', 'o3']);
    expect(sortRows(rows, 'name', 'asc').map((r) => r.id)).toEqual(['o3', 'o2', 'o1']);
  });

  it('groups the board by the DMU phase, unknown readiness apart', () => {
    const groups = groupRows(rows);
    expect(groups.choose_solution.map((r) => r.id)).toEqual(['o1']);
    expect(groups.decide_to_change.map((r) => r.id)).toEqual(['o2']);
    expect(groups.unknown.map((r) => r.id)).toEqual(['o3']);
  });

  it('ranks severities given as numbers or words', () => {
    expect(severityRank(0.9)).toBe(0.9);
    expect(severityRank('HIGH')).toBeGreaterThan(severityRank('medium'));
    expect(severityRank(undefined)).toBe(0);
    expect(topFriction([])).toBeUndefined();
  });
});

describe('quick log', () => {
  it('finds signals and activities by label words, accents ignored', () => {
    expect(searchKinds('demo', 'en').map((o) => o.kind)).toEqual(['requests_demo', 'demo']);
    expect(searchKinds('demo', 'fr').map((o) => o.kind)).toContain('demo');
    expect(searchKinds('evaluation reo', 'en').map((o) => o.kind)).toEqual(['reopens_evaluation']);
    expect(searchKinds('', 'en')).toHaveLength(36 + 14);
    expect(searchKinds('zzz', 'en')).toEqual([]);
  });

  it('stamps times in whole seconds', () => {
    expect(nowIso(new Date('2026-03-04T09:30:00.123Z'))).toBe('2026-03-04T09:30:00Z');
  });
});
