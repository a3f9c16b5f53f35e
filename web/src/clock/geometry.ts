// The buying clock's geometry: pure functions from stages and distributions to SVG coordinates.
// Stage n (1-based) sits at n o'clock, so `value_realized` is at twelve and the cycle reads
// clockwise from `status_quo` at one, round again. Angles are in degrees clockwise from twelve.

import { PHASES, STAGES, STAGE_PHASE, stageIndex, type Phase } from '../vocabulary';

export const STAGE_SPAN = 360 / STAGES.length; // 30 degrees per stage

export interface Point {
  x: number;
  y: number;
}

/** The angle at the centre of a stage's wedge; -1 index (unknown stage) gives NaN. */
export function stageAngle(index: number): number {
  if (index < 0 || index >= STAGES.length) return Number.NaN;
  return ((index + 1) * STAGE_SPAN) % 360;
}

export function stageAngleOf(stage: string): number {
  return stageAngle(stageIndex(stage));
}

/** A point at `radius` from `center` at a clock angle (0 = up, clockwise). */
export function polar(center: Point, radius: number, angle: number): Point {
  const radians = ((angle - 90) * Math.PI) / 180;
  return { x: round(center.x + radius * Math.cos(radians)), y: round(center.y + radius * Math.sin(radians)) };
}

/** An SVG path for the arc from `start` to `end` degrees (clockwise) at `radius`. */
export function arcPath(center: Point, radius: number, start: number, end: number): string {
  let sweep = end - start;
  while (sweep < 0) sweep += 360;
  if (sweep >= 360) sweep = 359.99;
  const from = polar(center, radius, start);
  const to = polar(center, radius, start + sweep);
  const large = sweep > 180 ? 1 : 0;
  return `M ${from.x} ${from.y} A ${radius} ${radius} 0 ${large} 1 ${to.x} ${to.y}`;
}

/** A phase's arc: from the start of its first stage's wedge to the end of its last. */
export function phaseArc(phase: Phase): { start: number; end: number } {
  const indices = STAGES.map((stage, i) => (STAGE_PHASE[stage] === phase ? i : -1)).filter((i) => i >= 0);
  const first = indices[0] ?? 0;
  const last = indices[indices.length - 1] ?? 0;
  return { start: stageAngle(first) - STAGE_SPAN / 2, end: stageAngle(last) + STAGE_SPAN / 2 };
}

export const PHASE_ARCS = PHASES.map((phase) => ({ phase, ...phaseArc(phase) }));

/** The most likely stage of a distribution (the first on a tie), or undefined when it is empty. */
export function mostLikelyStage(distribution: Record<string, number>): string | undefined {
  let best: string | undefined;
  let bestP = -1;
  for (const stage of STAGES) {
    const p = distribution[stage] ?? 0;
    if (p > bestP) {
      best = stage;
      bestP = p;
    }
  }
  return bestP > 0 ? best : undefined;
}

/**
 * The smallest run of neighbouring stages around `center` that holds at least `mass` of the
 * distribution, grown greedily towards the likelier neighbour (the clock wraps round).
 * Returns 0-based first and last indices, clockwise; `first > last` when it wraps past twelve.
 */
export function spread(
  distribution: Record<string, number>,
  center: number,
  mass = 0.8,
): { first: number; last: number; width: number } {
  const n = STAGES.length;
  const p = (i: number) => distribution[STAGES[((i % n) + n) % n] as string] ?? 0;
  const total = STAGES.reduce((sum, stage) => sum + (distribution[stage] ?? 0), 0);
  if (center < 0 || total <= 0) return { first: center, last: center, width: 1 };
  let lo = center;
  let hi = center;
  let held = p(center);
  while (held < mass * total - 1e-9 && hi - lo + 1 < n) {
    const left = p(lo - 1);
    const right = p(hi + 1);
    if (right >= left) {
      hi += 1;
      held += right;
    } else {
      lo -= 1;
      held += left;
    }
  }
  return { first: ((lo % n) + n) % n, last: hi % n, width: hi - lo + 1 };
}

export interface Placeable {
  id: string;
  stage: string;
  influence: number;
}

export interface Placement {
  id: string;
  angle: number;
  radius: number;
  /** dot radius, growing with influence */
  size: number;
}

export interface PlacementOptions {
  radius: number;
  laneStep: number;
  minSize: number;
  maxSize: number;
}

export const DEFAULT_PLACEMENT: PlacementOptions = { radius: 150, laneStep: 34, minSize: 11, maxSize: 20 };

/** The dot radius for an influence in [0,1] (clamped). */
export function dotSize(influence: number, options: PlacementOptions = DEFAULT_PLACEMENT): number {
  const x = Math.min(1, Math.max(0, Number.isFinite(influence) ? influence : 0));
  return round(options.minSize + (options.maxSize - options.minSize) * x);
}

/**
 * Places every member at their stage's angle. Members sharing a stage stack inwards in lanes, the
 * most influential outermost; beyond three lanes they fan out sideways within the wedge.
 * Members at an unknown stage are left out (the caller lists them apart).
 */
export function placeMembers(members: Placeable[], options: PlacementOptions = DEFAULT_PLACEMENT): Placement[] {
  const byStage = new Map<number, Placeable[]>();
  for (const member of members) {
    const index = stageIndex(member.stage);
    if (index < 0) continue;
    const group = byStage.get(index) ?? [];
    group.push(member);
    byStage.set(index, group);
  }
  const placements: Placement[] = [];
  for (const [index, group] of byStage) {
    group.sort((a, b) => b.influence - a.influence || a.id.localeCompare(b.id));
    group.forEach((member, k) => {
      const lane = k % 3;
      const column = Math.floor(k / 3);
      // Columns alternate either side of the wedge's centre line: 0, +8, -8, +16 ...
      const offset = column === 0 ? 0 : (column % 2 === 1 ? 1 : -1) * Math.ceil(column / 2) * 8;
      placements.push({
        id: member.id,
        angle: round((stageAngle(index) + offset + 360) % 360),
        radius: options.radius - lane * options.laneStep,
        size: dotSize(member.influence, options),
      });
    });
  }
  return placements;
}

/** Whether the last evidence is older than `days` before `asOf` (no evidence counts as stale). */
export function isStale(lastEvidenceAt: string | null | undefined, asOf: Date, days = 30): boolean {
  if (!lastEvidenceAt) return true;
  const t = new Date(lastEvidenceAt).getTime();
  if (Number.isNaN(t)) return true;
  return asOf.getTime() - t > days * 86_400_000;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
