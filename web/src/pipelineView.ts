// What the user chose to see of the pipeline (owner, search, sort, table or board), kept in the
// URL (`#/pipeline?owner=u-ann&q=lorries&sort=amount&dir=desc&view=board`) so that opening a
// deal and coming back, reloading, or sharing the link shows the same pipeline.

import type { SortDir, SortKey } from './pipeline';

export interface PipelineView {
  owner: string;
  text: string;
  view: 'table' | 'board';
  sort: { key: SortKey; dir: SortDir };
}

export const DEFAULT_PIPELINE_VIEW: PipelineView = { owner: '', text: '', view: 'table', sort: { key: 'close', dir: 'asc' } };

const SORT_KEYS: readonly SortKey[] = ['name', 'account', 'owner', 'amount', 'close', 'readiness', 'alignment', 'friction'];

/** Reads a query string; anything missing or not understood keeps its default. */
export function parsePipelineView(query: string): PipelineView {
  const params = new URLSearchParams(query);
  const key = params.get('sort') as SortKey | null;
  return {
    owner: params.get('owner') ?? '',
    text: params.get('q') ?? '',
    view: params.get('view') === 'board' ? 'board' : 'table',
    sort: key && SORT_KEYS.includes(key) ? { key, dir: params.get('dir') === 'desc' ? 'desc' : 'asc' } : DEFAULT_PIPELINE_VIEW.sort,
  };
}

/** The query string of a view, leaving out what is default ('' for the default view). */
export function pipelineViewQuery(view: PipelineView): string {
  const params = new URLSearchParams();
  if (view.owner) params.set('owner', view.owner);
  if (view.text) params.set('q', view.text);
  const sort = DEFAULT_PIPELINE_VIEW.sort;
  if (view.sort.key !== sort.key || view.sort.dir !== sort.dir) {
    params.set('sort', view.sort.key);
    params.set('dir', view.sort.dir);
  }
  if (view.view !== 'table') params.set('view', view.view);
  return params.toString();
}

// The last view of this page's session, so the navigation and "back to the pipeline" return to it.
let remembered = '';

export function rememberPipelineQuery(query: string): void {
  remembered = query;
}

export function rememberedPipelineQuery(): string {
  return remembered;
}
