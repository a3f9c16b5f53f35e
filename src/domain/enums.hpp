#pragma once

#include <array>
#include <string_view>

#include "core/enum_names.hpp"

// The closed vocabularies of the interchange spec. Stages, signal kinds and activity kinds are not
// here: they belong to the methodology, which an organisation may configure.
namespace buyalign::domain {

enum class UserRole { kAdmin, kManager, kRep, kMarketing };
inline constexpr std::array<std::string_view, 4> kUserRoleNames{"admin", "manager", "rep",
                                                                "marketing"};

enum class DmuRole {
  kEconomicBuyer,
  kDecisionMaker,
  kTechnicalBuyer,
  kBusinessUser,
  kEvaluator,
  kInfluencer,
  kExecutiveSponsor,
  kProcurement,
  kLegal,
  kChampion,
  kOther,
};
inline constexpr std::array<std::string_view, 11> kDmuRoleNames{
    "economic_buyer", "decision_maker",    "technical_buyer", "business_user",
    "evaluator",      "influencer",        "executive_sponsor", "procurement",
    "legal",          "champion",          "other"};

enum class Stance { kChampion, kSupporter, kNeutral, kSkeptic, kBlocker };
inline constexpr std::array<std::string_view, 5> kStanceNames{"champion", "supporter", "neutral",
                                                              "skeptic", "blocker"};

enum class OpportunityStatus { kOpen, kWon, kLost };
inline constexpr std::array<std::string_view, 3> kOpportunityStatusNames{"open", "won", "lost"};

// Where a signal was observed; the engine holds a reliability per source. kUnspecified means the
// record did not say; the engine then uses the signal kind's default.
enum class SignalSource { kUnspecified, kMeeting, kEmail, kWeb, kRepAssessment, kContent };
inline constexpr std::array<std::string_view, 6> kSignalSourceNames{
    "", "meeting", "email", "web", "rep_assessment", "content"};

}  // namespace buyalign::domain
