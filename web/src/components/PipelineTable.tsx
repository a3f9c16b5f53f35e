// The open opportunities as a sortable table: every column header is a button that sorts by it.

import { formatDate, formatMoney, formatPercent } from '../format';
import { label, t, type MessageKey } from '../i18n';
import type { PipelineRow, SortDir, SortKey } from '../pipeline';
import { opportunityHref } from '../router';
import { ShowMore, useGrowingLimit } from './ShowMore';

/** Rows laid out at first; more follow as the reader scrolls. */
const PAGE = 100;

const COLUMNS: { key: SortKey; title: MessageKey; numeric?: boolean }[] = [
  { key: 'name', title: 'pipeline.col.name' },
  { key: 'account', title: 'pipeline.col.account' },
  { key: 'owner', title: 'pipeline.col.owner' },
  { key: 'amount', title: 'pipeline.col.amount', numeric: true },
  { key: 'close', title: 'pipeline.col.close' },
  { key: 'readiness', title: 'pipeline.col.readiness' },
  { key: 'alignment', title: 'pipeline.col.alignment', numeric: true },
  { key: 'friction', title: 'pipeline.col.friction' },
];

/** Whether the pipeline's readiness has arrived, is still on its way, or is not offered. */
export type ReadinessStatus = 'loading' | 'available' | 'unavailable';

export function PipelineTable({
  rows,
  sort,
  onSort,
  readiness,
}: {
  rows: PipelineRow[];
  sort: { key: SortKey; dir: SortDir };
  onSort: (key: SortKey) => void;
  readiness: ReadinessStatus;
}) {
  // Readiness, alignment and friction cells wait for the readiness; a screen reader hears the table
  // is still being filled (aria-busy), and the toolbar's status says so in words.
  const pending = readiness === 'loading';
  const empty = pending ? <span class="muted" aria-hidden="true">…</span> : t('common.none');
  const [limit, setLimit] = useGrowingLimit(PAGE, sort);
  return (
    <div class="table-wrap">
      {/* data-rows: how many rows the table holds, shown or not yet (the budget benchmark reads it). */}
      <table class="pipeline-table" aria-busy={pending} data-rows={rows.length}>
        <caption class="visually-hidden">{t('pipeline.count', { n: rows.length })}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => {
              const sorted = sort.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  class={column.numeric ? 'num' : ''}
                  aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {/* The button's name is the column's own, so each cell is announced under its header;
                      aria-sort on the header says how it is sorted, the title says what a click does. */}
                  <button type="button" class="sort" onClick={() => onSort(column.key)} title={t('pipeline.sortBy', { column: t(column.title) })}>
                    {t(column.title)}
                    <span aria-hidden="true" class="sort-mark">
                      {sorted ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((row) => (
            <tr key={row.id}>
              <th scope="row">
                <a href={opportunityHref(row.id)}>{row.name}</a>
              </th>
              <td>{row.account}</td>
              <td class="nowrap">{row.owner || t('common.none')}</td>
              <td class="num nowrap">{formatMoney(row.amount, row.currency)}</td>
              <td class="nowrap">{formatDate(row.close)}</td>
              <td>
                {row.stage ? (
                  <>
                    <span class={`phase-dot stage-${row.stage}`} aria-hidden="true" />
                    {label('stage', row.stage)} <span class="muted small">{formatPercent(row.confidence)}</span>
                  </>
                ) : (
                  <span class="muted">{readiness === 'available' ? t('common.unknown') : empty}</span>
                )}
              </td>
              <td class="num">{row.alignment !== undefined ? <AlignmentBar score={row.alignment} /> : empty}</td>
              <td>{row.friction ? <span title={row.friction.explanation}>{label('frictionKind', row.friction.kind)}</span> : empty}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ShowMore shown={Math.min(limit, rows.length)} total={rows.length} page={PAGE} onLimit={setLimit} />
    </div>
  );
}

export function AlignmentBar({ score }: { score: number }) {
  const pct = Math.round(Math.min(1, Math.max(0, score)) * 100);
  return (
    <span class="alignment-bar">
      <span class="bar" aria-hidden="true">
        <span style={{ width: `${pct}%` }} class={pct < 40 ? 'low' : pct < 70 ? 'mid' : 'high'} />
      </span>
      {formatPercent(score)}
    </span>
  );
}
