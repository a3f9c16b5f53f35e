// Small views over the engine's readiness read model, shared by the pipeline and opportunity screens.

import type { Friction } from './api/types';
import { PHASES, type Phase } from './vocabulary';

const SEVERITY_WORDS: Record<string, number> = { low: 0.25, minor: 0.25, medium: 0.5, moderate: 0.5, high: 0.75, major: 0.75, critical: 1 };

/** A friction's severity on [0,1], whether the server sends a number or a word. */
export function severityRank(severity: Friction['severity']): number {
  if (typeof severity === 'number' && Number.isFinite(severity)) return severity;
  if (typeof severity === 'string') return SEVERITY_WORDS[severity.toLowerCase()] ?? 0;
  return 0;
}

/** Frictions, most severe first (stable for equal severity). */
export function bySeverity(frictions: readonly Friction[]): Friction[] {
  return frictions
    .map((friction, i) => ({ friction, i }))
    .sort((a, b) => severityRank(b.friction.severity) - severityRank(a.friction.severity) || a.i - b.i)
    .map((x) => x.friction);
}

export function topFriction(frictions: readonly Friction[] | undefined): Friction | undefined {
  return frictions && frictions.length > 0 ? bySeverity(frictions)[0] : undefined;
}

export type BoardColumn = Phase | 'unknown';

export const BOARD_COLUMNS: BoardColumn[] = [...PHASES, 'unknown'];
