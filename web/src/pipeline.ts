// The pipeline's rows: one per open opportunity, joined with its account and its DMU's readiness,
// and the pure filter and sort the table applies.

import type { Account, Friction, Opportunity, Readiness } from './api/types';
import { topFriction } from './readiness';
import { stageIndex } from './vocabulary';

export interface PipelineRow {
  id: string;
  name: string;
  account: string;
  owner: string;
  amount?: number;
  currency?: string;
  close?: string;
  stage?: string;
  confidence?: number;
  alignment?: number;
  friction?: Friction;
}

export type SortKey = 'name' | 'account' | 'owner' | 'amount' | 'close' | 'readiness' | 'alignment' | 'friction';
export type SortDir = 'asc' | 'desc';

export function pipelineRows(
  opportunities: readonly Opportunity[],
  accounts: ReadonlyMap<string, Account>,
  readiness: ReadonlyMap<string, Readiness>,
): PipelineRow[] {
  return opportunities.map((o) => {
    const r = readiness.get(o.id);
    return {
      id: o.id,
      name: o.name,
      account: accounts.get(o.account_id)?.name ?? o.account_id,
      owner: o.owner ?? '',
      amount: o.amount,
      currency: o.currency,
      close: o.expected_close,
      stage: r?.readiness.stage,
      confidence: r?.readiness.confidence,
      alignment: r?.alignment.score,
      friction: topFriction(r?.frictions),
    };
  });
}

/** Keeps rows of the owner (when given) whose name or account contains the text, ignoring case. */
export function filterRows(rows: readonly PipelineRow[], filter: { owner?: string; text?: string }): PipelineRow[] {
  const text = (filter.text ?? '').trim().toLowerCase();
  return rows.filter(
    (row) =>
      (!filter.owner || row.owner === filter.owner) &&
      (!text || row.name.toLowerCase().includes(text) || row.account.toLowerCase().includes(text)),
  );
}

function sortValue(row: PipelineRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'name':
      return row.name.toLowerCase();
    case 'account':
      return row.account.toLowerCase();
    case 'owner':
      return row.owner.toLowerCase();
    case 'amount':
      return row.amount;
    case 'close':
      return row.close;
    case 'readiness':
      return row.stage === undefined ? undefined : stageIndex(row.stage) + (row.confidence ?? 0) / 2;
    case 'alignment':
      return row.alignment;
    case 'friction':
      return row.friction?.kind;
  }
}

/** Sorts by one column; rows without a value always go last, ties keep the name order. */
export function sortRows(rows: readonly PipelineRow[], key: SortKey, dir: SortDir): PipelineRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === undefined && y !== undefined) return 1;
    if (y === undefined && x !== undefined) return -1;
    if (x !== undefined && y !== undefined && x !== y) return (x < y ? -1 : 1) * sign;
    return a.name.localeCompare(b.name);
  });
}

export function owners(rows: readonly PipelineRow[]): string[] {
  return [...new Set(rows.map((r) => r.owner).filter(Boolean))].sort();
}
