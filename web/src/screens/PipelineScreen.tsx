// The pipeline: every open opportunity with its DMU's readiness, alignment and top friction;
// filter by owner or text, sort by any column, or see it as a board by buying phase. The deals
// show as soon as they arrive; the readiness of the whole pipeline, which takes the server longer
// to infer, fills its columns when it comes.

import { useMemo, useState } from 'preact/hooks';
import { api, type ApiClient } from '../api/client';
import type { Account, Readiness } from '../api/types';
import { PhaseBoard } from '../components/PhaseBoard';
import { PipelineTable, type ReadinessStatus } from '../components/PipelineTable';
import { Loaded, NotAvailable } from '../components/Status';
import { useLoad } from '../hooks';
import { t } from '../i18n';
import { filterRows, owners, pipelineRows, sortRows, type PipelineRow, type SortKey } from '../pipeline';
import { parsePipelineView, pipelineViewQuery, rememberPipelineQuery, type PipelineView } from '../pipelineView';
import { href } from '../router';

async function loadDeals(client: ApiClient) {
  const [opportunities, accounts] = await Promise.all([
    client.listOpportunities({ status: 'open' }),
    client.listAccounts().catch(() => [] as Account[]),
  ]);
  return { opportunities, accounts: new Map(accounts.map((a) => [a.id, a])) };
}

// When the app opens on the pipeline, its data is asked for as the script starts, not after the
// first paint of "Loading…" (effects run after paint): on a busy machine that gap was a sixth of
// the time to the table. Each early answer is used once, by the first screen that asks, and only
// when it succeeded (it may have been asked before signing in): otherwise the screen asks again.
const early = new Map<'deals' | 'readiness', Promise<unknown>>();

export function prefetchPipeline(client: ApiClient = api): void {
  const asked: [typeof early extends Map<infer K, unknown> ? K : never, Promise<unknown>][] = [
    ['deals', loadDeals(client)],
    ['readiness', client.pipelineReadiness({ status: 'open' })],
  ];
  for (const [key, promise] of asked) {
    promise.catch(() => undefined); // a failure is the screen's to show, once it asks
    early.set(key, promise);
  }
}

function earlyOr<T>(key: 'deals' | 'readiness', client: ApiClient, ask: () => Promise<T>, usable: (answer: T) => boolean): Promise<T> {
  const promise = client === api ? (early.get(key) as Promise<T> | undefined) : undefined;
  early.delete(key);
  if (!promise) return ask();
  return promise.then(
    (answer) => (usable(answer) ? answer : ask()),
    () => ask(),
  );
}

function byOpportunity(readiness: Readiness[]): Map<string, Readiness> {
  return new Map(readiness.map((r) => [r.opportunity_id, r]));
}

const NO_READINESS = new Map<string, Readiness>();

/** Shows a changed view in the address bar without a new history entry per keystroke. */
function keepInUrl(view: PipelineView) {
  const query = pipelineViewQuery(view);
  rememberPipelineQuery(query);
  if (typeof history !== 'undefined') history.replaceState(history.state, '', href({ name: 'pipeline', query }));
}

export function PipelineScreen({ client = api, query = '' }: { client?: ApiClient; query?: string }) {
  const deals = useLoad(() => earlyOr('deals', client, () => loadDeals(client), () => true), [client]);
  const readiness = useLoad(
    () => earlyOr('readiness', client, () => client.pipelineReadiness({ status: 'open' }), (answer) => answer.available),
    [client],
  );
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
  const onSort = (key: SortKey) => update({ sort: { key, dir: sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc' } });

  // Each derived list is recomputed only when what it is made of changes: a keystroke in the
  // search filters the joined rows again, it does not join them again.
  const inferred = readiness.state.status === 'ok' ? readiness.state.data : undefined;
  const readinessMap = useMemo(() => (inferred?.available ? byOpportunity(inferred.data) : NO_READINESS), [inferred]);
  const loaded = deals.state.data;
  const rows = useMemo<PipelineRow[]>(() => (loaded ? pipelineRows(loaded.opportunities, loaded.accounts, readinessMap) : []), [loaded, readinessMap]);
  const ownerChoices = useMemo(() => owners(rows), [rows]);
  const shown = useMemo(() => sortRows(filterRows(rows, { owner, text }), sort.key, sort.dir), [rows, owner, text, sort]);
  const readinessStatus: ReadinessStatus = !inferred ? 'loading' : inferred.available ? 'available' : 'unavailable';

  return (
    <div class="screen pipeline">
      <h1>{t('pipeline.title')}</h1>
      <Loaded load={deals.state} onRetry={deals.reload}>
        {() => (
          <>
            <div class="toolbar" role="search" aria-label={t('pipeline.filters')}>
              <div class="field">
                <label for="filter-owner">{t('pipeline.owner')}</label>
                <select id="filter-owner" value={owner} onChange={(e) => update({ owner: (e.target as HTMLSelectElement).value })}>
                  <option value="">{t('common.all')}</option>
                  {ownerChoices.map((o) => (
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
                  onInput={(e) => update({ text: (e.target as HTMLInputElement).value })}
                />
              </div>
              <div class="segmented" role="group" aria-label={t('pipeline.view')}>
                <button type="button" aria-pressed={view === 'table'} onClick={() => update({ view: 'table' })}>
                  {t('pipeline.viewTable')}
                </button>
                <button type="button" aria-pressed={view === 'board'} onClick={() => update({ view: 'board' })}>
                  {t('pipeline.viewBoard')}
                </button>
              </div>
              <p class="muted small count" role="status">
                {t('pipeline.count', { n: shown.length })}
                {readinessStatus === 'loading' && <> · {t('pipeline.readinessLoading')}</>}
              </p>
            </div>
            {inferred && !inferred.available && <NotAvailable capability="capability.readiness" error={inferred.error} />}
            {shown.length === 0 ? (
              <p>{rows.length === 0 ? t('state.empty') : t('pipeline.noMatch')}</p>
            ) : view === 'table' ? (
              <PipelineTable rows={shown} sort={sort} onSort={onSort} readiness={readinessStatus} />
            ) : (
              <PhaseBoard rows={shown} readinessLoading={readinessStatus === 'loading'} />
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}
