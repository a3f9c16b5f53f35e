// Marketing's view: the content library with filters, its stage x persona coverage with gaps, and
// whether a chosen item moved the buyers who received it.

import { useRef, useState } from 'preact/hooks';
import { api, type ApiClient } from '../api/client';
import type { ContentItem } from '../api/types';
import { CoverageHeatMap } from '../components/CoverageHeatMap';
import { InfluencePanel } from '../components/InfluencePanel';
import { Loaded, WhenAvailable } from '../components/Status';
import { readable } from '../format';
import { useLoad } from '../hooks';
import { label, t } from '../i18n';
import { STAGES } from '../vocabulary';

export interface ContentFilter {
  stage?: string;
  persona?: string;
  format?: string;
  text?: string;
  showRetired?: boolean;
}

export function filterContent(items: readonly ContentItem[], filter: ContentFilter): ContentItem[] {
  const text = (filter.text ?? '').trim().toLowerCase();
  return items.filter(
    (item) =>
      (filter.showRetired || !item.retired) &&
      (!filter.stage || (item.stages ?? []).includes(filter.stage)) &&
      (!filter.persona || (item.personas ?? []).includes(filter.persona)) &&
      (!filter.format || item.format === filter.format) &&
      (!text || item.title.toLowerCase().includes(text)),
  );
}

function distinct(items: readonly ContentItem[], pick: (item: ContentItem) => string[]): string[] {
  return [...new Set(items.flatMap(pick))].filter(Boolean).sort();
}

export function ContentScreen({ client = api }: { client?: ApiClient }) {
  const library = useLoad(() => client.listContent(), [client]);
  const coverage = useLoad(() => client.contentCoverage(), [client]);
  const [filter, setFilter] = useState<ContentFilter>({});
  const [selected, setSelected] = useState<ContentItem | null>(null);
  const influenceHeading = useRef<HTMLHeadingElement>(null);
  // Choosing an item takes the reader to its influence, which may sit far above the chosen row.
  const select = (item: ContentItem) => {
    setSelected(item);
    setTimeout(() => influenceHeading.current?.focus(), 0);
  };
  const influence = useLoad(
    () => (selected ? client.contentInfluence(selected.id) : Promise.resolve(null)),
    [client, selected?.id],
  );
  const update = (patch: Partial<ContentFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

  return (
    <div class="screen content">
      <h1>{t('content.title')}</h1>
      <div class="content-grid">
        <section class="panel" aria-labelledby="library-heading">
          <h2 id="library-heading">{t('content.library')}</h2>
          <Loaded load={library.state} onRetry={library.reload}>
            {(items) => {
              const shown = filterContent(items, filter);
              return (
                <>
                  <div class="toolbar" role="search" aria-label={t('pipeline.filters')}>
                    <div class="field">
                      <label for="content-text">{t('content.search')}</label>
                      <input id="content-text" type="search" value={filter.text ?? ''} onInput={(e) => update({ text: value(e) })} />
                    </div>
                    <div class="field">
                      <label for="content-stage">{t('content.stage')}</label>
                      <select id="content-stage" value={filter.stage ?? ''} onChange={(e) => update({ stage: value(e) || undefined })}>
                        <option value="">{t('common.all')}</option>
                        {STAGES.map((s) => (
                          <option key={s} value={s}>
                            {label('stage', s)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div class="field">
                      <label for="content-persona">{t('content.persona')}</label>
                      <select id="content-persona" value={filter.persona ?? ''} onChange={(e) => update({ persona: value(e) || undefined })}>
                        <option value="">{t('common.all')}</option>
                        {distinct(items, (i) => i.personas ?? []).map((p) => (
                          <option key={p} value={p}>
                            {readable(p)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div class="field">
                      <label for="content-format">{t('content.format')}</label>
                      <select id="content-format" value={filter.format ?? ''} onChange={(e) => update({ format: value(e) || undefined })}>
                        <option value="">{t('common.all')}</option>
                        {distinct(items, (i) => (i.format ? [i.format] : [])).map((f) => (
                          <option key={f} value={f}>
                            {readable(f)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div class="field checkbox">
                      <input
                        id="content-retired"
                        type="checkbox"
                        checked={!!filter.showRetired}
                        onChange={(e) => update({ showRetired: (e.target as HTMLInputElement).checked })}
                      />
                      <label for="content-retired">{t('content.showRetired')}</label>
                    </div>
                    <p class="muted small count" role="status">
                      {t('content.count', { n: shown.length })}
                    </p>
                  </div>
                  {shown.length === 0 ? (
                    <p>{items.length === 0 ? t('state.empty') : t('content.noMatch')}</p>
                  ) : (
                    <div class="table-wrap">
                      <table class="content-table">
                        <thead>
                          <tr>
                            <th scope="col">{t('content.col.title')}</th>
                            <th scope="col">{t('content.col.stages')}</th>
                            <th scope="col">{t('content.col.personas')}</th>
                            <th scope="col">{t('content.col.format')}</th>
                            <th scope="col">
                              <span class="visually-hidden">{t('content.influence')}</span>
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {shown.map((item) => (
                            <tr key={item.id} class={selected?.id === item.id ? 'selected' : ''}>
                              <th scope="row">
                                {item.url ? (
                                  <a href={item.url} target="_blank" rel="noopener noreferrer">
                                    {item.title}
                                  </a>
                                ) : (
                                  item.title
                                )}
                                {item.retired && <span class="pill">{t('content.retired')}</span>}
                              </th>
                              <td>{(item.stages ?? []).map((s) => label('stage', s)).join(', ')}</td>
                              <td>{(item.personas ?? []).map(readable).join(', ')}</td>
                              <td>{item.format ? readable(item.format) : ''}</td>
                              <td>
                                <button
                                  type="button"
                                  class="link"
                                  aria-pressed={selected?.id === item.id}
                                  aria-label={`${t('content.showInfluence')}: ${item.title}`}
                                  onClick={() => select(item)}
                                >
                                  {t('content.showInfluence')}
                                </button>
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </>
              );
            }}
          </Loaded>
        </section>
        <div class="side">
          <section class="panel" aria-labelledby="influence-heading">
            <h2 id="influence-heading" ref={influenceHeading} tabIndex={-1}>{selected ? t('content.influenceOf', { title: selected.title }) : t('content.influence')}</h2>
            {!selected ? (
              <p class="muted">{t('content.influencePick')}</p>
            ) : (
              <Loaded load={influence.state} onRetry={influence.reload}>
                {(result) =>
                  result && (
                    <WhenAvailable result={result} capability="capability.influence">
                      {(data) => <InfluencePanel influence={data} />}
                    </WhenAvailable>
                  )
                }
              </Loaded>
            )}
          </section>
        </div>
      </div>
      <section class="panel" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">{t('content.coverage')}</h2>
        <Loaded load={coverage.state} onRetry={coverage.reload}>
          {(result) => (
            <WhenAvailable result={result} capability="capability.coverage">
              {(data) => <CoverageHeatMap coverage={data} />}
            </WhenAvailable>
          )}
        </Loaded>
      </section>
    </div>
  );
}
