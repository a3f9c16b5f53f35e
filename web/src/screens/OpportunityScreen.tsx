// One opportunity: where each DMU member is on the buying clock, what holds the deal back, what to
// do next, what happened so far, and a quick log that updates the clock in place.

import { api, type ApiClient, type Capability } from '../api/client';
import type { Account, Contact, ContentItem, DmuMember, NextAction, Opportunity, Readiness } from '../api/types';
import { BuyingClock, type ClockMember } from '../components/BuyingClock';
import { FrictionList } from '../components/FrictionList';
import { MemberList } from '../components/MemberList';
import { NextActionList } from '../components/NextActionList';
import { QuickLogForm } from '../components/QuickLogForm';
import { Loaded, NotAvailable, WhenAvailable } from '../components/Status';
import { Timeline } from '../components/Timeline';
import { formatDate, formatMoney, formatPercent } from '../format';
import { useDocumentTitle, useLoad } from '../hooks';
import { label, t } from '../i18n';
import { rememberedPipelineQuery } from '../pipelineView';
import { href } from '../router';

interface DealRecord {
  opportunity: Opportunity;
  account: Account | null;
  contacts: Contact[];
  dmu: DmuMember[];
  content: ContentItem[];
}

async function loadDeal(client: ApiClient, id: string): Promise<DealRecord> {
  const [opportunity, dmu] = await Promise.all([client.getOpportunity(id), client.listDmu(id)]);
  const [account, contacts, content] = await Promise.all([
    client.getAccount(opportunity.account_id).catch(() => null),
    client.listContacts({ account_id: opportunity.account_id }),
    client.listContent().catch(() => [] as ContentItem[]),
  ]);
  return { opportunity, account, contacts, dmu, content };
}

async function loadLive(client: ApiClient, id: string) {
  const [signals, activities, readiness, actions] = await Promise.all([
    client.listSignals(id),
    client.listActivities(id),
    client.readiness(id),
    client.nextActions(id),
  ]);
  return { signals, activities, readiness, actions };
}

export function clockMembers(dmu: DmuMember[], contacts: Contact[], readiness: Capability<Readiness>): ClockMember[] {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const inferred = readiness.available ? new Map(readiness.data.members.map((m) => [m.contact_id, m])) : new Map();
  return dmu.map((member) => {
    const r = inferred.get(member.contact_id);
    return {
      contact_id: member.contact_id,
      name: names.get(member.contact_id) ?? member.contact_id,
      role: member.role,
      influence: member.influence ?? r?.influence ?? 0.5,
      stance: member.stance ?? r?.stance,
      readiness: r,
    };
  });
}

export function OpportunityScreen({ id, client = api }: { id: string; client?: ApiClient }) {
  const deal = useLoad(() => loadDeal(client, id), [id, client]);
  const live = useLoad(() => loadLive(client, id), [id, client]);
  useDocumentTitle(deal.state.status === 'ok' ? deal.state.data.opportunity.name : undefined);

  return (
    <div class="screen opportunity">
      <p>
        <a href={href({ name: 'pipeline', query: rememberedPipelineQuery() })}>← {t('opp.back')}</a>
      </p>
      <Loaded load={deal.state} onRetry={deal.reload}>
        {(record) => {
          const names = new Map(record.contacts.map((c) => [c.id, c.name]));
          const nameOf = (contactId: string) => names.get(contactId) ?? contactId;
          const o = record.opportunity;
          return (
            <>
              <header class="deal-header">
                <h1>{o.name}</h1>
                <dl class="facts">
                  <div>
                    <dt>{t('opp.account')}</dt>
                    <dd>{record.account?.name ?? o.account_id}</dd>
                  </div>
                  <div>
                    <dt>{t('opp.owner')}</dt>
                    <dd>{o.owner ?? t('common.none')}</dd>
                  </div>
                  <div>
                    <dt>{t('opp.amount')}</dt>
                    <dd>{formatMoney(o.amount, o.currency)}</dd>
                  </div>
                  <div>
                    <dt>{t('opp.close')}</dt>
                    <dd>{formatDate(o.expected_close)}</dd>
                  </div>
                  {live.state.status === 'ok' && live.state.data.readiness.available && (
                    <>
                      <div>
                        <dt>{t('opp.readiness')}</dt>
                        <dd>
                          {label('stage', live.state.data.readiness.data.readiness.stage)}{' '}
                          <span class="muted small">
                            ({t('opp.confidence', { pct: formatPercent(live.state.data.readiness.data.readiness.confidence) })})
                          </span>
                        </dd>
                      </div>
                      <div>
                        <dt>{t('opp.alignment')}</dt>
                        <dd>{formatPercent(live.state.data.readiness.data.alignment.score)}</dd>
                      </div>
                    </>
                  )}
                </dl>
              </header>
              <Loaded load={live.state} onRetry={live.reload}>
                {(data) => {
                  const members = clockMembers(record.dmu, record.contacts, data.readiness);
                  const asOf = data.readiness.available ? new Date(data.readiness.data.as_of) : new Date();
                  const validAsOf = Number.isNaN(asOf.getTime()) ? new Date() : asOf;
                  const dmuIds = new Set(record.dmu.map((m) => m.contact_id));
                  const choices = [
                    ...members.map((m) => ({ id: m.contact_id, name: m.name, role: m.role })),
                    ...record.contacts.filter((c) => !dmuIds.has(c.id)).map((c) => ({ id: c.id, name: c.name })),
                  ];
                  return (
                    <div class="deal-grid">
                      <section class="panel clock-panel" aria-labelledby="clock-heading">
                        <h2 id="clock-heading">{t('clock.title')}</h2>
                        {!data.readiness.available && <NotAvailable capability="capability.readiness" error={data.readiness.error} />}
                        <BuyingClock
                          members={members}
                          asOf={validAsOf}
                          dmuStage={data.readiness.available ? data.readiness.data.readiness.stage : undefined}
                          alignment={data.readiness.available ? data.readiness.data.alignment.score : undefined}
                        />
                        {!data.readiness.available && members.length > 0 && <p class="muted small">{t('clock.unplaced')}</p>}
                        <h3>{t('opp.dmu')}</h3>
                        <MemberList members={members} asOf={validAsOf} />
                        {data.readiness.available && (
                          <AlignmentSummary readiness={data.readiness.data} nameOf={nameOf} />
                        )}
                      </section>
                      <div class="side">
                        <section class="panel">
                          <QuickLogForm
                            key={id}
                            opportunityId={id}
                            contacts={choices}
                            content={record.content}
                            client={client}
                            onSaved={live.reload}
                          />
                        </section>
                        <section class="panel" aria-labelledby="friction-heading">
                          <h2 id="friction-heading">{t('friction.title')}</h2>
                          <WhenAvailable result={data.readiness} capability="capability.readiness">
                            {(r) => <FrictionList frictions={r.frictions} nameOf={nameOf} />}
                          </WhenAvailable>
                        </section>
                        <section class="panel" aria-labelledby="actions-heading">
                          <h2 id="actions-heading">{t('actions.title')}</h2>
                          <WhenAvailable result={data.actions} capability="capability.nextActions">
                            {(actions: NextAction[]) => <NextActionList actions={actions} nameOf={nameOf} />}
                          </WhenAvailable>
                        </section>
                      </div>
                      <section class="panel timeline-panel" aria-labelledby="timeline-heading">
                        <h2 id="timeline-heading">{t('timeline.title')}</h2>
                        <Timeline signals={data.signals} activities={data.activities} nameOf={nameOf} />
                      </section>
                    </div>
                  );
                }}
              </Loaded>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}

function AlignmentSummary({ readiness, nameOf }: { readiness: Readiness; nameOf: (id: string) => string }) {
  const { leader, laggards } = readiness.alignment;
  if (!leader && (!laggards || laggards.length === 0)) return null;
  return (
    <dl class="facts alignment">
      {leader && (
        <div>
          <dt>{t('opp.leader')}</dt>
          <dd>{nameOf(leader)}</dd>
        </div>
      )}
      {laggards && laggards.length > 0 && (
        <div>
          <dt>{t('opp.laggards')}</dt>
          <dd>{laggards.map(nameOf).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}
