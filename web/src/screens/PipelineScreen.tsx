// The pipeline: every open opportunity with its DMU's readiness, alignment and top friction;
// filter by owner or text, sort by any column, or see it as a board by buying phase.

import { useState } from 'preact/hooks';
import { api, type ApiClient } from '../api/client';
import type { Account, Readiness } from '../api/types';
import { PhaseBoard } from '../components/PhaseBoard';
import { PipelineTable } from '../components/PipelineTable';
import { Loaded, NotAvailable } from '../components/Status';
import { useLoad } from '../hooks';
import { t } from '../i18n';
import { filterRows, owners, pipelineRows, sortRows, type SortKey } from '../pipeline';
import { parsePipelineView, pipelineViewQuery, rememberPipelineQuery, type PipelineView } from '../pipelineView';
import { href } from '../router';

async function loadPipeline(client: ApiClient) {
  const [opportunities, accounts, readiness] = await Promise.all([
    client.listOpportunities({ status: 'open' }),
    client.listAccounts().catch(() => [] as Account[]),
    client.pipelineReadiness({ status: 'open' }),
  ]);
  const byOpportunity = new Map<string, Readiness>(readiness.available ? readiness.data.map((r) => [r.opportunity_id, r]) : []);
  return {
    rows: pipelineRows(opportunities, new Map(accounts.map((a) => [a.id, a])), byOpportunity),
    readiness,
  };
}

/** Shows a changed view in the address bar without a new history entry per keystroke. */
function keepInUrl(view: PipelineView) {
  const query = pipelineViewQuery(view);
  rememberPipelineQuery(query);
  if (typeof history !== 'undefined') history.replaceState(history.state, '', href({ name: 'pipeline', query }));
}

export function PipelineScreen({ client = api, query = '' }: { client?: ApiClient; query?: string }) {
  const pipeline = useLoad(() => loadPipeline(client), [client]);
  const [state, setState] = useState<PipelineView>(() => {
    rememberPipelineQuery(query);
    return parsePipelineView(query);
  });
  const { owner, text, view, sort } = state;
  const update = (patch: Partial<PipelineView>) => {
    const next = { ...state, ...patch };
    setState(next);
    keepInUrl(next);
  };
  const setOwner = (value: string) => update({ owner: value });
  const setText = (value: string) => update({ text: value });
  const setView = (value: PipelineView['view']) => update({ view: value });
  const onSort = (key: SortKey) => update({ sort: { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' } });

  return (
    <div class="screen pipeline">
      <h1>{t('pipeline.title')}</h1>
      <Loaded load={pipeline.state} onRetry={pipeline.reload}>
        {({ rows, readiness }) => {
          const shown = sortRows(filterRows(rows, { owner, text }), sort.key, sort.dir);
          return (
            <>
              <div class="toolbar" role="search" aria-label={t('pipeline.filters')}>
                <div class="field">
                  <label for="filter-owner">{t('pipeline.owner')}</label>
                  <select id="filter-owner" value={owner} onChange={(e) => setOwner((e.target as HTMLSelectElement).value)}>
                    <option value="">{t('common.all')}</option>
                    {owners(rows).map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="filter-text">{t('pipeline.search')}</label>
                  <input
                    id="filter-text"
                    type="search"
                    placeholder={t('pipeline.searchPlaceholder')}
                    value={text}
                    onInput={(e) => setText((e.target as HTMLInputElement).value)}
                  />
                </div>
                <div class="segmented" role="group" aria-label={t('pipeline.view')}>
                  <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
                    {t('pipeline.viewTable')}
                  </button>
                  <button type="button" aria-pressed={view === 'board'} onClick={() => setView('board')}>
                    {t('pipeline.viewBoard')}
                  </button>
                </div>
                <p class="muted small count" role="status">
                  {t('pipeline.count', { n: shown.length })}
                </p>
              </div>
              {!readiness.available && <NotAvailable capability="capability.readiness" error={readiness.error} />}
              {shown.length === 0 ? (
                <p>{rows.length === 0 ? t('state.empty') : t('pipeline.noMatch')}</p>
              ) : view === 'table' ? (
                <PipelineTable rows={shown} sort={sort} onSort={onSort} readinessAvailable={readiness.available} />
              ) : (
                <PhaseBoard rows={shown} />
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
