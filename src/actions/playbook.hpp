#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/enums.hpp"

namespace buyalign::actions {

// What makes a rule fire.
enum class TriggerKind {
  kFriction,  // an engine friction of `friction` kind
  kSignal,    // a DMU member showed `signal` within `within_days`
  kHandOffs,  // the seller is being passed from contact to contact (see hand_offs.hpp)
  kStage,     // no friction: move a member on from the stage they are at
};

// Who the action is for.
enum class TargetKind {
  kSubject,         // the friction's or signal's contact; the most influential member when none
  kChampion,        // the member most likely to open doors for the seller
  kEconomicBuyer,   // the economic buyer, else a decision maker, else the most influential
  kCurrentContact,  // the member the seller dealt with last
};
inline constexpr std::array<std::string_view, 4> kTargetKindNames{
    "subject", "champion", "economic_buyer", "current_contact"};

// The rule's `activity = "fitting"`: the first selling activity that fits the target's stage.
inline constexpr std::string_view kFittingActivity = "fitting";

// One playbook rule: when it fires (trigger and filters) and what it recommends. Filters that are
// empty match everything. Stages are indices into the methodology's cycle.
struct PlaybookRule {
  std::string id;
  TriggerKind trigger = TriggerKind::kStage;
  int friction = 0;         // an engine::FrictionKind, kFriction only
  std::string signal;       // kSignal only
  double within_days = 30;  // kSignal only: how recent the signal must be
  // kHandOffs only: at least `min_contacts` consecutive `chain_activities` each with one new
  // contact, every one of them with at most `max_signals_each` signals.
  int min_contacts = 3;
  int max_signals_each = 2;
  std::vector<std::string> chain_activities;

  // Filters on the subject (the member the trigger is about).
  std::optional<std::pair<int, int>> stages;  // inclusive range, reading the cycle as a line
  std::vector<domain::DmuRole> roles;
  std::vector<std::string> personas;
  std::vector<domain::Stance> stances;
  // Blocks the rule when the opportunity shows any of these: an activity of these kinds, a note
  // (signal or activity) mentioning one of these words (case-insensitive), a member in these roles.
  std::vector<std::string> unless_activity;
  std::vector<std::string> unless_mention;
  std::vector<domain::DmuRole> unless_roles;

  // The recommendation.
  std::string reason;       // reason.friction: the friction kind, or a name for the situation
  double severity = 0.5;    // for non-friction triggers (frictions carry their own)
  std::string explanation;  // template; frictions default to the engine's sentence
  TargetKind target = TargetKind::kSubject;
  std::string activity;                     // a methodology activity id or kFittingActivity
  std::string purpose;                      // template
  std::vector<std::string> questions;       // 2 to 4, templates, each ending with "?"
  std::vector<std::string> talking_points;  // templates
  std::optional<int> content_stage;         // default: the target's stage
  std::string content_format;               // preferred format, may be empty
  int due_days = 7;
};

// The expected-value ranking (docs/playbook.md has the formula).
struct RankingParams {
  int max_per_opportunity = 5;
  int max_content = 3;
  double influence_floor = 0.3;
  double distance_weight = 0.5;
  double urgency_weight = 0.5;
  double urgency_horizon_days = 90;
  double staleness_weight = 0.3;
  double staleness_days = 60;
};

// How content influence is measured (content_influence.hpp).
struct InfluenceParams {
  int window_days = 30;
  int min_sample = 5;   // per group; fewer gives "too_little_data"
  double min_z = 1.96;  // a two-proportion z at least this large is "helps" / "hurts"
};

// The walk-in buyer decision (showroom_decision.hpp).
struct ShowroomParams {
  std::vector<domain::DmuRole> decision_roles{domain::DmuRole::kEconomicBuyer,
                                              domain::DmuRole::kDecisionMaker};
  int quote_min_stage = 7;  // shortlist_selected
  double min_confidence = 0.5;
  std::vector<int> must_be_evidenced;  // stages some signal must have pointed at
  std::vector<int> comparing_stages;
  std::vector<std::string> comparing_signals;
  double comparing_window_days = 30;
};

// The playbook an organisation sells by: rules in priority order (for one trigger the first
// matching rule wins), ranking, content and showroom parameters. Built from configs/playbook.toml
// (playbook_loader.hpp) against one methodology, whose stage indices and ids it holds.
// Immutable once built; safe to share across threads.
struct Playbook {
  std::vector<PlaybookRule> rules;
  RankingParams ranking;
  InfluenceParams influence;
  ShowroomParams showroom;
};

}  // namespace buyalign::actions
