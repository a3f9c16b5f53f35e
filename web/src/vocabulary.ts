// The default methodology's closed vocabularies, mirroring shared/spec/buying-cycle.md exactly.
// These ids are a contract with the server; their human labels live in the i18n catalogue.

export const PHASES = ['decide_to_change', 'choose_solution', 'buy_and_realize'] as const;
export type Phase = (typeof PHASES)[number];

/** The twelve stages of the buying clock, in order (stage 1 first). */
export const STAGES = [
  'status_quo',
  'problem_recognized',
  'need_quantified',
  'change_committed',
  'requirements_defined',
  'options_explored',
  'vendors_evaluated',
  'shortlist_selected',
  'business_case_approved',
  'terms_negotiated',
  'purchased',
  'value_realized',
] as const;
export type Stage = (typeof STAGES)[number];

/** Each stage's phase: four stages per phase, in order. */
export const STAGE_PHASE: Record<Stage, Phase> = {
  status_quo: 'decide_to_change',
  problem_recognized: 'decide_to_change',
  need_quantified: 'decide_to_change',
  change_committed: 'decide_to_change',
  requirements_defined: 'choose_solution',
  options_explored: 'choose_solution',
  vendors_evaluated: 'choose_solution',
  shortlist_selected: 'choose_solution',
  business_case_approved: 'buy_and_realize',
  terms_negotiated: 'buy_and_realize',
  purchased: 'buy_and_realize',
  value_realized: 'buy_and_realize',
};

export const SIGNAL_KINDS = [
  'satisfied_with_current',
  'no_interest',
  'reports_pain',
  'asks_industry_trends',
  'shares_kpis_or_costs',
  'asks_for_roi_estimate',
  'management_mandate',
  'budget_allocated',
  'project_team_formed',
  'shares_requirements',
  'sends_rfi',
  'raises_new_requirement',
  'researches_alternatives',
  'downloads_comparison_content',
  'attends_webinar',
  'reopens_evaluation',
  'requests_demo',
  'asks_for_references',
  'trial_started',
  'sends_rfp',
  'compares_competitor_pricing',
  'asks_for_proposal',
  'informs_shortlisted',
  'involves_finance',
  'requests_business_case',
  'executive_meeting',
  'asks_for_discount',
  'procurement_engaged',
  'legal_review',
  'contract_signed',
  'purchase_order',
  'kickoff_held',
  'usage_review',
  'renewal_discussion',
  'stage_assessed',
  'content_engaged',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const ACTIVITY_KINDS = [
  'intro_call',
  'discovery_meeting',
  'value_workshop',
  'requirements_workshop',
  'demo',
  'reference_call',
  'proposal_sent',
  'quote_sent',
  'negotiation_meeting',
  'contract_sent',
  'onboarding_session',
  'business_review',
  'follow_up',
  'admin',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ROLES = [
  'economic_buyer',
  'decision_maker',
  'technical_buyer',
  'business_user',
  'evaluator',
  'influencer',
  'executive_sponsor',
  'procurement',
  'legal',
  'champion',
  'other',
] as const;
export type Role = (typeof ROLES)[number];

export const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker'] as const;
export type Stance = (typeof STANCES)[number];

export const FRICTION_KINDS = [
  'missing_role',
  'lagging_member',
  'high_influence_blocker',
  'stale_member',
  'single_threaded',
  'backward_move',
  'seller_ahead',
  'seller_behind',
  'stalled',
  'close_date_unrealistic',
] as const;
export type FrictionKind = (typeof FRICTION_KINDS)[number];

/** Where a signal came from (the Signal record's `source` field). */
export const SIGNAL_SOURCES = ['meeting', 'email', 'web', 'rep_assessment', 'content'] as const;
export type SignalSource = (typeof SIGNAL_SOURCES)[number];

export function isStage(id: string): id is Stage {
  return (STAGES as readonly string[]).includes(id);
}

export function isSignalKind(id: string): id is SignalKind {
  return (SIGNAL_KINDS as readonly string[]).includes(id);
}

export function isActivityKind(id: string): id is ActivityKind {
  return (ACTIVITY_KINDS as readonly string[]).includes(id);
}

/** 0-based position of a stage on the clock, or -1 for an id outside the default cycle. */
export function stageIndex(id: string): number {
  return (STAGES as readonly string[]).indexOf(id);
}

export function phaseOf(stage: string): Phase | undefined {
  return isStage(stage) ? STAGE_PHASE[stage] : undefined;
}
