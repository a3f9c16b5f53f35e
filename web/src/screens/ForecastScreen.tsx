// The forecast: a P10-P90 fan per period against the stage-weighted number, the backtest of both
// methods, and each deal's win probability with its reasons.

import { useState } from 'preact/hooks';
import { api, type ApiClient, type Capability } from '../api/client';
import type { Forecast, ForecastDeal, Opportunity } from '../api/types';
import { BacktestChart } from '../components/BacktestChart';
import { FanChart } from '../components/FanChart';
import { Loaded, NotAvailable, WhenAvailable } from '../components/Status';
import { formatMoney, formatPercent, nextQuarters, quarterOf } from '../format';
import { useLoad } from '../hooks';
import { t } from '../i18n';
import { opportunityHref } from '../router';

const PERIODS = 4;

function reasonText(reason: NonNullable<ForecastDeal['reasons']>[number]): string {
  if (typeof reason === 'string') return reason;
  return reason.text ?? reason.explanation ?? reason.kind ?? '';
}

async function loadForecast(client: ApiClient) {
  const periods = nextQuarters(quarterOf(new Date()), PERIODS);
  const [results, opportunities] = await Promise.all([
    Promise.all(periods.map((p) => client.forecast(p))),
    client.listOpportunities({ status: 'open' }).catch(() => [] as Opportunity[]),
  ]);
  const forecasts = results.filter((r): r is Extract<Capability<Forecast>, { available: true }> => r.available).map((r) => r.data);
  const failure = results.find((r) => !r.available);
  return { forecasts, failure: failure && !failure.available ? failure.error : undefined, opportunities };
}

export function ForecastScreen({ client = api }: { client?: ApiClient }) {
  const forecast = useLoad(() => loadForecast(client), [client]);
  const backtest = useLoad(() => client.backtest(), [client]);
  const [period, setPeriod] = useState<string | null>(null);

  return (
    <div class="screen forecast">
      <h1>{t('forecast.title')}</h1>
      <Loaded load={forecast.state} onRetry={forecast.reload}>
        {({ forecasts, failure, opportunities }) => {
          if (forecasts.length === 0) return <NotAvailable capability="capability.forecast" error={failure} />;
          const currencies = [...new Set(opportunities.map((o) => o.currency).filter(Boolean))];
          const currency = currencies.length === 1 ? currencies[0] : undefined;
          const names = new Map(opportunities.map((o) => [o.id, o.name]));
          const chosen = forecasts.find((f) => f.period === period) ?? forecasts[0];
          return (
            <>
              <section class="panel" aria-labelledby="fan-heading">
                <h2 id="fan-heading">{t('forecast.fan')}</h2>
                <p class="muted small">{t('forecast.fanHelp')}</p>
                <FanChart data={forecasts} currency={currency} />
                <div class="table-wrap">
                  <table class="compact">
                    <thead>
                      <tr>
                        <th scope="col">{t('forecast.period')}</th>
                        <th scope="col" class="num">{t('forecast.p10')}</th>
                        <th scope="col" class="num">{t('forecast.p50')}</th>
                        <th scope="col" class="num">{t('forecast.p90')}</th>
                        <th scope="col" class="num">{t('forecast.stageWeighted')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {forecasts.map((f) => (
                        <tr key={f.period}>
                          <th scope="row">{f.period}</th>
                          <td class="num">{formatMoney(f.p10, currency)}</td>
                          <td class="num">{formatMoney(f.p50, currency)}</td>
                          <td class="num">{formatMoney(f.p90, currency)}</td>
                          <td class="num">{formatMoney(f.stage_weighted, currency)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section class="panel" aria-labelledby="backtest-heading">
                <h2 id="backtest-heading">{t('forecast.backtest')}</h2>
                <p class="muted small">{t('forecast.backtestHelp')}</p>
                <Loaded load={backtest.state} onRetry={backtest.reload}>
                  {(result) => (
                    <WhenAvailable result={result} capability="capability.backtest">
                      {(periods) => (periods.length === 0 ? <p class="muted">{t('state.empty')}</p> : <BacktestChart periods={periods} currency={currency} />)}
                    </WhenAvailable>
                  )}
                </Loaded>
              </section>
              {chosen && (
                <section class="panel" aria-labelledby="deals-heading">
                  <h2 id="deals-heading">{t('forecast.deals')}</h2>
                  <div class="toolbar">
                    <div class="field">
                      <label for="forecast-period">{t('forecast.period')}</label>
                      <select id="forecast-period" value={chosen.period} onChange={(e) => setPeriod((e.target as HTMLSelectElement).value)}>
                        {forecasts.map((f) => (
                          <option key={f.period} value={f.period}>
                            {f.period}
                          </option>
                        ))}
                      </select>
                    </div>
                  </div>
                  {chosen.deals.length === 0 ? (
                    <p class="muted">{t('state.empty')}</p>
                  ) : (
                    <div class="table-wrap">
                      <table>
                        <caption class="visually-hidden">{t('forecast.dealsIn', { period: chosen.period })}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('week.deal')}</th>
                            <th scope="col" class="num">{t('forecast.probability')}</th>
                            <th scope="col">{t('forecast.reasons')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {[...chosen.deals]
                            .sort((a, b) => b.probability - a.probability)
                            .map((deal) => (
                              <tr key={deal.opportunity_id}>
                                <th scope="row">
                                  <a href={opportunityHref(deal.opportunity_id)}>{names.get(deal.opportunity_id) ?? deal.opportunity_id}</a>
                                </th>
                                <td class="num">
                                  <span class="prob-bar" aria-hidden="true">
                                    <span style={{ width: `${Math.round(deal.probability * 100)}%` }} />
                                  </span>
                                  {formatPercent(deal.probability)}
                                </td>
                                <td>
                                  <ul class="reasons">
                                    {(deal.reasons ?? []).map((reason, i) => (
                                      <li key={i}>{reasonText(reason)}</li>
                                    ))}
                                  </ul>
                                </td>
                              </tr>
                            ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </section>
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
