// A rep's week: the recommended next actions across all their open deals, most important first.

import { useState } from 'preact/hooks';
import { api, type ApiClient } from '../api/client';
import type { Contact, Opportunity } from '../api/types';
import { NextActionList } from '../components/NextActionList';
import { Loaded, WhenAvailable } from '../components/Status';
import { useLoad } from '../hooks';
import { t } from '../i18n';

const REP_KEY = 'buyalign.rep';

function savedRep(): string {
  try {
    return localStorage.getItem(REP_KEY) ?? '';
  } catch {
    return '';
  }
}

export function MyWeekScreen({ client = api }: { client?: ApiClient }) {
  const [rep, setRep] = useState(savedRep);
  const deals = useLoad(
    () =>
      Promise.all([client.listOpportunities({ status: 'open' }), client.listContacts().catch(() => [] as Contact[])]).then(
        ([opportunities, contacts]) => ({ opportunities, contacts }),
      ),
    [client],
  );
  const owners = deals.state.status === 'ok' ? [...new Set(deals.state.data.opportunities.map((o) => o.owner ?? '').filter(Boolean))].sort() : [];
  const chosen = rep || owners[0] || '';
  const actions = useLoad(() => client.myNextActions(chosen || undefined), [client, chosen]);

  function choose(value: string) {
    setRep(value);
    try {
      localStorage.setItem(REP_KEY, value);
    } catch {
      // The choice then lasts for this page only.
    }
  }

  return (
    <div class="screen week">
      <h1>{t('week.title')}</h1>
      <p class="muted">{t('week.intro')}</p>
      <Loaded load={deals.state} onRetry={deals.reload}>
        {({ opportunities, contacts }: { opportunities: Opportunity[]; contacts: Contact[] }) => {
          const dealNames = new Map(opportunities.map((o) => [o.id, o.name]));
          const names = new Map(contacts.map((c) => [c.id, c.name]));
          return (
            <>
              <div class="toolbar">
                <div class="field">
                  <label for="week-rep">{t('week.rep')}</label>
                  <select id="week-rep" value={chosen} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
                    {owners.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <section class="panel" aria-labelledby="week-actions">
                <h2 id="week-actions">{t('actions.title')}</h2>
                <Loaded load={actions.state} onRetry={actions.reload}>
                  {(result) => (
                    <WhenAvailable result={result} capability="capability.nextActions">
                      {(items) =>
                        items.length === 0 ? (
                          <p class="muted">{t('week.none')}</p>
                        ) : (
                          <NextActionList
                            actions={items}
                            nameOf={(id) => names.get(id) ?? id}
                            dealOf={(id) => dealNames.get(id) ?? id}
                          />
                        )
                      }
                    </WhenAvailable>
                  )}
                </Loaded>
              </section>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
