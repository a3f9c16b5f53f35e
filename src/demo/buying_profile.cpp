#include "demo/buying_profile.hpp"

#include <array>
#include <string>

namespace buyalign::demo {
namespace {

int Wrap(int stage) { return ((stage % kStageCount) + kStageCount) % kStageCount; }

const std::array<std::vector<std::string_view>, kStageCount>& SignalTable() {
  static const std::array<std::vector<std::string_view>, kStageCount> kTable{{
      {"satisfied_with_current", "no_interest"},
      {"reports_pain", "asks_industry_trends"},
      {"shares_kpis_or_costs", "asks_for_roi_estimate"},
      {"management_mandate", "budget_allocated", "project_team_formed"},
      {"shares_requirements", "sends_rfi"},
      {"researches_alternatives", "downloads_comparison_content", "attends_webinar"},
      {"requests_demo", "asks_for_references", "trial_started", "sends_rfp",
       "compares_competitor_pricing"},
      {"asks_for_proposal", "informs_shortlisted"},
      {"involves_finance", "requests_business_case", "executive_meeting"},
      {"asks_for_discount", "procurement_engaged", "legal_review"},
      {"contract_signed", "purchase_order"},
      {"kickoff_held", "usage_review", "renewal_discussion"},
  }};
  return kTable;
}

struct ActivityFit {
  std::string_view kind;
  std::vector<int> stages;
  int minutes;
};

const std::vector<ActivityFit>& ActivityTable() {
  // The spec numbers stages from 1; these are 0-based.
  static const std::vector<ActivityFit> kTable{
      {"intro_call", {0, 1, 2}, 30},
      {"discovery_meeting", {1, 2, 3, 4}, 60},
      {"value_workshop", {2, 3, 8}, 120},
      {"requirements_workshop", {3, 4}, 120},
      {"demo", {5, 6, 7}, 90},
      {"reference_call", {6, 7}, 30},
      {"proposal_sent", {7, 8}, 90},
      {"quote_sent", {7, 8, 9}, 45},
      {"negotiation_meeting", {9}, 60},
      {"contract_sent", {9, 10}, 30},
      {"onboarding_session", {10, 11}, 120},
      {"business_review", {11, 0, 1}, 60},
  };
  return kTable;
}

}  // namespace

const std::vector<std::string_view>& TypicalSignals(int stage) {
  return SignalTable()[static_cast<size_t>(Wrap(stage))];
}

std::optional<int> MainStage(std::string_view kind) {
  if (kind == "raises_new_requirement") return 4;
  if (kind == "reopens_evaluation") return 5;
  // Kinds the spec also lists under a second stage appear in the table under their main one only.
  for (int stage = 0; stage < kStageCount; ++stage) {
    for (std::string_view k : TypicalSignals(stage)) {
      if (k == kind) return stage;
    }
  }
  return std::nullopt;
}

std::string_view BackwardSignal(int stage) {
  return Wrap(stage) <= 4 ? "raises_new_requirement" : "reopens_evaluation";
}

domain::SignalSource TypicalSource(std::string_view kind) {
  using domain::SignalSource;
  if (kind == "stage_assessed") return SignalSource::kRepAssessment;
  if (kind == "content_engaged") return SignalSource::kContent;
  if (kind == "downloads_comparison_content" || kind == "attends_webinar" ||
      kind == "researches_alternatives" || kind == "asks_industry_trends") {
    return SignalSource::kWeb;
  }
  if (kind == "sends_rfi" || kind == "sends_rfp" || kind == "purchase_order" ||
      kind == "asks_for_proposal" || kind == "informs_shortlisted" || kind == "legal_review") {
    return SignalSource::kEmail;
  }
  return SignalSource::kMeeting;
}

std::vector<std::string_view> ActivitiesFitting(int stage) {
  std::vector<std::string_view> out;
  for (const ActivityFit& fit : ActivityTable()) {
    for (int s : fit.stages) {
      if (s == Wrap(stage)) out.push_back(fit.kind);
    }
  }
  return out;
}

int TypicalDuration(std::string_view kind) {
  for (const ActivityFit& fit : ActivityTable()) {
    if (fit.kind == kind) return fit.minutes;
  }
  return kind == "admin" ? 45 : 20;  // follow_up
}

}  // namespace buyalign::demo
