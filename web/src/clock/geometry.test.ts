import { describe, expect, it } from 'vitest';
import { STAGES } from '../vocabulary';
import {
  arcPath,
  dotSize,
  isStale,
  mostLikelyStage,
  phaseArc,
  placeMembers,
  polar,
  spread,
  stageAngle,
  stageAngleOf,
} from './geometry';

const C = { x: 100, y: 100 };

describe('stage angles', () => {
  it('puts stage n at n o clock, value_realized at twelve', () => {
    expect(stageAngleOf('status_quo')).toBe(30);
    expect(stageAngleOf('change_committed')).toBe(120);
    expect(stageAngleOf('terms_negotiated')).toBe(300);
    expect(stageAngleOf('value_realized')).toBe(0);
  });

  it('gives every stage its own angle, 30 degrees apart', () => {
    const angles = STAGES.map((_, i) => stageAngle(i));
    expect(new Set(angles).size).toBe(12);
    for (let i = 1; i < 11; i++) expect((angles[i] ?? 0) - (angles[i - 1] ?? 0)).toBe(30);
  });

  it('has no angle for a stage outside the cycle', () => {
    expect(stageAngleOf('not_a_stage')).toBeNaN();
    expect(stageAngle(12)).toBeNaN();
  });

  it('maps clock angles to screen points with up at zero and clockwise', () => {
    expect(polar(C, 50, 0)).toEqual({ x: 100, y: 50 });
    expect(polar(C, 50, 90)).toEqual({ x: 150, y: 100 });
    expect(polar(C, 50, 180)).toEqual({ x: 100, y: 150 });
    expect(polar(C, 50, 270)).toEqual({ x: 50, y: 100 });
  });

  it('spans each phase over four stage wedges', () => {
    expect(phaseArc('decide_to_change')).toEqual({ start: 15, end: 135 });
    expect(phaseArc('choose_solution')).toEqual({ start: 135, end: 255 });
    expect(phaseArc('buy_and_realize')).toEqual({ start: 255, end: 15 });
  });

  it('draws a large arc only beyond half a turn', () => {
    expect(arcPath(C, 50, 0, 90)).toContain(' 0 0 1 ');
    expect(arcPath(C, 50, 0, 270)).toContain(' 0 1 1 ');
    expect(arcPath(C, 50, 350, 20)).toContain(' 0 0 1 ');
  });
});

describe('member placement', () => {
  it('places a member at their stage angle on the outer lane', () => {
    const [p] = placeMembers([{ id: 'c1', stage: 'vendors_evaluated', influence: 0.5 }]);
    expect(p).toMatchObject({ id: 'c1', angle: 210, radius: 150 });
  });

  it('stacks members of one stage inwards, most influential outermost', () => {
    const placed = placeMembers([
      { id: 'low', stage: 'purchased', influence: 0.2 },
      { id: 'high', stage: 'purchased', influence: 0.9 },
    ]);
    const high = placed.find((p) => p.id === 'high');
    const low = placed.find((p) => p.id === 'low');
    expect(high?.radius).toBe(150);
    expect(low?.radius).toBe(116);
    expect(high?.angle).toBe(low?.angle);
  });

  it('fans a fourth member sideways instead of piling onto the hub', () => {
    const placed = placeMembers(['a', 'b', 'c', 'd'].map((id) => ({ id, stage: 'status_quo', influence: 0.5 })));
    const fourth = placed.find((p) => p.id === 'd');
    expect(fourth?.radius).toBe(150);
    expect(fourth?.angle).not.toBe(30);
    expect(new Set(placed.map((p) => `${p.angle}/${p.radius}`)).size).toBe(4);
  });

  it('leaves out members at an unknown stage', () => {
    expect(placeMembers([{ id: 'x', stage: 'elsewhere', influence: 1 }])).toEqual([]);
  });

  it('sizes dots by influence, clamped to [0,1]', () => {
    expect(dotSize(0)).toBe(11);
    expect(dotSize(1)).toBe(20);
    expect(dotSize(0.5)).toBe(15.5);
    expect(dotSize(3)).toBe(20);
    expect(dotSize(Number.NaN)).toBe(11);
  });
});

describe('uncertainty', () => {
  it('finds the most likely stage', () => {
    expect(mostLikelyStage({ need_quantified: 0.2, vendors_evaluated: 0.5, purchased: 0.3 })).toBe('vendors_evaluated');
    expect(mostLikelyStage({})).toBeUndefined();
  });

  it('spreads over one stage when the distribution is certain', () => {
    expect(spread({ options_explored: 1 }, 5)).toEqual({ first: 5, last: 5, width: 1 });
  });

  it('grows towards the likelier neighbour until it holds 80%', () => {
    const d = { requirements_defined: 0.3, options_explored: 0.4, vendors_evaluated: 0.15, need_quantified: 0.15 };
    expect(spread(d, 5)).toEqual({ first: 4, last: 6, width: 3 });
  });

  it('wraps round from value_realized to status_quo', () => {
    const d = { value_realized: 0.5, status_quo: 0.4, purchased: 0.1 };
    const s = spread(d, 11);
    expect(s.first).toBe(11);
    expect(s.last).toBe(0);
    expect(s.width).toBe(2);
  });

  it('calls evidence stale after thirty days, and missing evidence stale', () => {
    const asOf = new Date('2026-04-01T00:00:00Z');
    expect(isStale('2026-03-15T00:00:00Z', asOf)).toBe(false);
    expect(isStale('2026-02-20T00:00:00Z', asOf)).toBe(true);
    expect(isStale(null, asOf)).toBe(true);
    expect(isStale('2026-03-20T00:00:00Z', asOf, 7)).toBe(true);
  });
});
