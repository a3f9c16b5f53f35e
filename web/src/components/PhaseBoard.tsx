// The pipeline as a board with one column per buying phase of the DMU (from readiness, not the
// seller's own stage), and a column for deals whose readiness is unknown (or still loading).

import { formatDate, formatMoney, formatPercent } from '../format';
import { label, t } from '../i18n';
import type { PipelineRow } from '../pipeline';
import { BOARD_COLUMNS, type BoardColumn } from '../readiness';
import { opportunityHref } from '../router';
import { ShowMore, useGrowingLimit } from './ShowMore';
import { phaseOf } from '../vocabulary';

export function groupRows(rows: readonly PipelineRow[]): Record<BoardColumn, PipelineRow[]> {
  const groups: Record<BoardColumn, PipelineRow[]> = { decide_to_change: [], choose_solution: [], buy_and_realize: [], unknown: [] };
  for (const row of rows) groups[(row.stage && phaseOf(row.stage)) || 'unknown'].push(row);
  return groups;
}

/** Cards a column lays out at first; more follow as the reader scrolls. */
const PAGE = 30;

export function PhaseBoard({ rows, readinessLoading = false }: { rows: PipelineRow[]; readinessLoading?: boolean }) {
  const groups = groupRows(rows);
  return (
    <div class="board">
      <p class="muted small">{t('pipeline.board.caption')}</p>
      <div class="board-columns">
        {BOARD_COLUMNS.filter((column) => column !== 'unknown' || groups.unknown.length > 0).map((column) => (
          <Column key={column} column={column} rows={groups[column]} readinessLoading={readinessLoading} />
        ))}
      </div>
    </div>
  );
}

function Column({ column, rows, readinessLoading }: { column: BoardColumn; rows: PipelineRow[]; readinessLoading: boolean }) {
  const [limit, setLimit] = useGrowingLimit(PAGE, column);
  return (
    <section class={`board-column phase-${column}`} aria-labelledby={`board-${column}`}>
      <h2 id={`board-${column}`}>
        {column !== 'unknown' ? label('phase', column) : readinessLoading ? t('pipeline.readinessLoading') : t('pipeline.board.unknown')}{' '}
        <span class="muted small">({rows.length})</span>
      </h2>
      <ul>
        {rows.slice(0, limit).map((row) => (
          <li key={row.id} class="card">
            <a href={opportunityHref(row.id)}>
              <strong>{row.name}</strong>
            </a>
            <div class="muted small">
              {row.account} · {row.owner}
            </div>
            <div class="small">
              {formatMoney(row.amount, row.currency)} · {formatDate(row.close)}
            </div>
            {row.stage && (
              <div class="small">
                {label('stage', row.stage)} · {t('opp.alignment')} {formatPercent(row.alignment)}
              </div>
            )}
            {row.friction && <div class="small friction-tag">{label('frictionKind', row.friction.kind)}</div>}
          </li>
        ))}
      </ul>
      <ShowMore shown={Math.min(limit, rows.length)} total={rows.length} page={PAGE} onLimit={setLimit} />
    </section>
  );
}
