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
import { filterRows, owners, pipelineRows, sortRows, type SortDir, type SortKey } from '../pipeline';

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

export function PipelineScreen({ client = api }: { client?: ApiClient }) {
  const pipeline = useLoad(() => loadPipeline(client), [client]);
  const [owner, setOwner] = useState('');
  const [text, setText] = useState('');
  const [view, setView] = useState<'table' | 'board'>('table');
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'close', dir: 'asc' });

  const onSort = (key: SortKey) =>
    setSort((current) => ({ key, dir: current.key === key && current.dir === 'asc' ? 'desc' : 'asc' }));

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
