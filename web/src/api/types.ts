// Record shapes of the API: exactly the interchange spec's fields plus `version`
// (shared/spec/interchange.md, src/http/openapi.json), and the engine's read models.

export interface Versioned {
  version: number;
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export interface Account extends Versioned {
  id: string;
  name: string;
  industry?: string;
  employees?: number;
  country?: string;
  segment?: string;
}

export interface Contact extends Versioned {
  id: string;
  account_id: string;
  name: string;
  title?: string;
  email?: string;
  persona?: string;
}

export interface Opportunity extends Versioned {
  id: string;
  account_id: string;
  name: string;
  owner?: string;
  amount?: number;
  currency?: string;
  expected_close?: string;
  status: 'open' | 'won' | 'lost';
  created_at?: string;
}

export interface DmuMember extends Versioned {
  opportunity_id: string;
  contact_id: string;
  role: string;
  influence?: number;
  stance?: string;
}

export interface Signal extends Versioned {
  id: string;
  opportunity_id: string;
  contact_id: string;
  kind: string;
  at: string;
  source?: string;
  stage?: string;
  content_id?: string;
  note?: string;
}

export interface NewSignal {
  opportunity_id: string;
  contact_id: string;
  kind: string;
  at: string;
  source?: string;
  stage?: string;
  content_id?: string;
  note?: string;
}

export interface Activity extends Versioned {
  id: string;
  opportunity_id: string;
  contact_ids?: string[];
  kind: string;
  at: string;
  duration_min?: number;
  owner?: string;
  note?: string;
}

export interface NewActivity {
  opportunity_id: string;
  contact_ids: string[];
  kind: string;
  at: string;
  duration_min?: number;
  note?: string;
}

export interface ContentItem extends Versioned {
  id: string;
  title: string;
  url?: string;
  stages?: string[];
  personas?: string[];
  segments?: string[];
  format?: string;
  retired?: boolean;
}

// ---- Engine read models (routes arriving later) ----

export interface MemberReadiness {
  contact_id: string;
  role: string;
  influence: number;
  stance?: string;
  stage: string;
  confidence: number;
  /** stage id -> probability; sums to 1 */
  distribution: Record<string, number>;
  last_evidence_at?: string | null;
  momentum?: number;
}

export interface Friction {
  kind: string;
  contact_id?: string | null;
  activity_id?: string | null;
  /** a number in [0,1] or a word (low / medium / high) */
  severity?: number | string;
  explanation?: string;
}

export interface Readiness {
  opportunity_id: string;
  as_of: string;
  readiness: { stage: string; confidence: number };
  alignment: { score: number; leader?: string | null; laggards?: string[] };
  members: MemberReadiness[];
  frictions: Friction[];
}

export interface ContentRef {
  id: string;
  title: string;
  url?: string;
}

export interface NextAction {
  opportunity_id: string;
  contact_id?: string | null;
  activity: string;
  purpose?: string;
  reason?: { stage?: string; friction?: string | null };
  questions?: string[];
  talking_points?: string[];
  content?: ContentRef[];
  score?: number;
}

export interface Coverage {
  stages: string[];
  personas: string[];
  /** counts[stage index][persona index] */
  counts: number[][];
  gaps: { stage: string; persona: string }[];
}

/** The influence of one content item; its exact shape is still being settled with the server. */
export type ContentInfluence = Record<string, unknown>;

export interface ForecastDeal {
  opportunity_id: string;
  probability: number;
  reasons?: (string | { text?: string; explanation?: string; kind?: string })[];
}

export interface Forecast {
  period: string;
  p10: number;
  p50: number;
  p90: number;
  stage_weighted: number;
  deals: ForecastDeal[];
}

/** One backtested period: what was forecast and what happened. */
export interface BacktestPeriod {
  period: string;
  actual: number;
  p10?: number;
  p50: number;
  p90?: number;
  stage_weighted: number;
}

/** Who is signed in, as GET /api/v1/session says. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'rep' | 'marketing';
  team: string;
}

export interface SessionInfo {
  user: SessionUser;
  /** Echoed in X-CSRF-Token by state-changing requests; null when signed in with an API token. */
  csrf_token: string | null;
}
