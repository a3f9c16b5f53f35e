// Writes a deterministic JSON Lines file of N open opportunities for the pipeline budget:
//   node bench/generate-pipeline.mjs 1000 > pipeline.jsonl
// Each opportunity has an account, 2-5 DMU members with 3-12 signals between them and a few
// activities, so the pipeline's readiness, alignment and frictions have real work to do.

const count = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(count) || count <= 0) {
  console.error('usage: node bench/generate-pipeline.mjs COUNT');
  process.exit(2);
}

// A small seeded generator (mulberry32): the same file on every run and machine.
let seed = 20260301;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

const SIGNALS = [
  'reports_pain', 'shares_kpis_or_costs', 'asks_for_roi_estimate', 'management_mandate', 'budget_allocated',
  'shares_requirements', 'researches_alternatives', 'requests_demo', 'asks_for_references', 'trial_started',
  'compares_competitor_pricing', 'asks_for_proposal', 'involves_finance', 'requests_business_case',
  'procurement_engaged', 'legal_review',
];
const ACTIVITIES = ['intro_call', 'discovery_meeting', 'demo', 'proposal_sent', 'follow_up'];
const ROLES = ['economic_buyer', 'decision_maker', 'technical_buyer', 'business_user', 'evaluator', 'influencer', 'procurement'];
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker'];
const PERSONAS = ['executive', 'operations', 'finance', 'it', 'user', 'procurement'];
const OWNERS = ['u-bench-1', 'u-bench-2', 'u-bench-3', 'u-bench-4', 'u-bench-5'];
const DAY = 86_400_000;
const today = Date.UTC(2026, 2, 1);
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const lines = [];
const emit = (record) => lines.push(JSON.stringify(record));

OWNERS.forEach((id, i) => emit({ type: 'user', id, name: `Bench Rep ${i + 1}`, email: `${id}@example.com`, role: 'rep', team: 'bench' }));
const accounts = Math.max(1, Math.ceil(count / 4));
for (let a = 0; a < accounts; a++) {
  emit({ type: 'account', id: `acc-${a}`, name: `Account ${a} NV`, industry: 'logistics', employees: between(20, 2000), country: 'BE' });
}
for (let o = 0; o < count; o++) {
  const account = `acc-${o % accounts}`;
  const id = `opp-${o}`;
  const age = between(20, 200);
  const created = today - age * DAY;
  const during = () => iso(created + between(1, age - 1) * DAY);
  emit({
    type: 'opportunity', id, account_id: account, name: `Deal ${o}: fleet planning`, owner: pick(OWNERS),
    amount: between(5, 400) * 1000, currency: 'EUR', status: 'open',
    expected_close: iso(today + between(10, 180) * DAY).slice(0, 10), created_at: iso(created),
  });
  const members = between(2, 5);
  const contacts = [];
  for (let m = 0; m < members; m++) {
    const contact = `con-${o}-${m}`;
    contacts.push(contact);
    emit({ type: 'contact', id: contact, account_id: account, name: `Contact ${o}-${m}`, persona: pick(PERSONAS) });
    emit({ type: 'dmu_member', opportunity_id: id, contact_id: contact, role: ROLES[m % ROLES.length], influence: Number(random().toFixed(2)), stance: pick(STANCES) });
  }
  const signals = between(3, 12);
  for (let s = 0; s < signals; s++) {
    emit({ type: 'signal', id: `sig-${o}-${s}`, opportunity_id: id, contact_id: pick(contacts), kind: pick(SIGNALS), at: during(), source: 'meeting' });
  }
  for (let x = 0; x < between(1, 3); x++) {
    emit({ type: 'activity', id: `act-${o}-${x}`, opportunity_id: id, contact_ids: [pick(contacts)], kind: pick(ACTIVITIES), at: during(), duration_min: 30, owner: OWNERS[0] });
  }
}
process.stdout.write(lines.join('\n') + '\n');
