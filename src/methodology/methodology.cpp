#include "methodology/methodology.hpp"

#include <algorithm>

namespace buyalign::methodology {

std::optional<int> Methodology::StageIndex(std::string_view stage) const {
  auto it = std::find(stages_.begin(), stages_.end(), stage);
  if (it == stages_.end()) return std::nullopt;
  return static_cast<int>(it - stages_.begin());
}

bool Methodology::IsSignalKind(std::string_view id) const {
  return std::find(signal_kinds_.begin(), signal_kinds_.end(), id) != signal_kinds_.end();
}

bool Methodology::IsActivityKind(std::string_view id) const {
  return std::find(activity_kinds_.begin(), activity_kinds_.end(), id) != activity_kinds_.end();
}

const Methodology& Methodology::Default() {
  static const Methodology kDefault = [] {
    Methodology m;
    m.stages_ = {"status_quo",          "problem_recognized",    "need_quantified",
                 "change_committed",    "requirements_defined",  "options_explored",
                 "vendors_evaluated",   "shortlist_selected",    "business_case_approved",
                 "terms_negotiated",    "purchased",             "value_realized"};
    m.signal_kinds_ = {
        "satisfied_with_current", "no_interest", "reports_pain", "asks_industry_trends",
        "shares_kpis_or_costs", "asks_for_roi_estimate", "management_mandate", "budget_allocated",
        "project_team_formed", "shares_requirements", "sends_rfi", "raises_new_requirement",
        "researches_alternatives", "downloads_comparison_content", "attends_webinar",
        "reopens_evaluation", "requests_demo", "asks_for_references", "trial_started",
        "sends_rfp", "compares_competitor_pricing", "asks_for_proposal", "informs_shortlisted",
        "involves_finance", "requests_business_case", "executive_meeting", "asks_for_discount",
        "procurement_engaged", "legal_review", "contract_signed", "purchase_order",
        "kickoff_held", "usage_review", "renewal_discussion", "stage_assessed",
        "content_engaged"};
    m.activity_kinds_ = {"intro_call",      "discovery_meeting", "value_workshop",
                         "requirements_workshop", "demo",     "reference_call",
                         "proposal_sent",   "quote_sent",        "negotiation_meeting",
                         "contract_sent",   "onboarding_session", "business_review",
                         "follow_up",       "admin"};
    return m;
  }();
  return kDefault;
}

}  // namespace buyalign::methodology
