#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/opportunity_input.hpp"
#include "methodology/methodology.hpp"

// The words friction explanations are made of: a rep reads them, so names, roles and dates, no
// ids where a name exists. Pure functions.
namespace buyalign::engine::text {

// "Marie (economic buyer, high influence)".
std::string Who(const MemberInput& member);
// "economic buyer".
std::string RoleName(domain::DmuRole role);
// "3 March 2026".
std::string Day(int64_t unix_seconds);
std::string Day(core::Date date);
// "62%".
std::string Percent(double p);
// What the seller did, as a verb phrase: "sent a quote"; unknown kinds read "logged <kind>".
std::string ActivityPhrase(std::string_view kind);
// "shortlist_selected to terms_negotiated", or "value_realized, status_quo or problem_recognized"
// when the stages are not consecutive.
std::string StageRange(const methodology::Methodology& m, const std::vector<int>& stages);

}  // namespace buyalign::engine::text
