#include "crm/salesforce_vocabulary.hpp"

#include <array>
#include <utility>

#include "crm/text_util.hpp"

namespace buyalign::crm {
namespace {

using domain::DmuRole;

// Export labels first for each role, so SalesforceRoleLabel finds them by the role.
constexpr std::array<std::pair<std::string_view, DmuRole>, 12> kRoleLabels{{
    {"Economic Buyer", DmuRole::kEconomicBuyer},
    {"Economic Decision Maker", DmuRole::kEconomicBuyer},
    {"Decision Maker", DmuRole::kDecisionMaker},
    {"Technical Buyer", DmuRole::kTechnicalBuyer},
    {"Business User", DmuRole::kBusinessUser},
    {"Evaluator", DmuRole::kEvaluator},
    {"Influencer", DmuRole::kInfluencer},
    {"Executive Sponsor", DmuRole::kExecutiveSponsor},
    {"Procurement", DmuRole::kProcurement},
    {"Legal", DmuRole::kLegal},
    {"Champion", DmuRole::kChampion},
    {"Other", DmuRole::kOther},
}};

}  // namespace

std::optional<DmuRole> DmuRoleFromSalesforce(std::string_view label) {
  for (const auto& [text, role] : kRoleLabels) {
    if (EqualsIgnoreCase(text, label)) return role;
  }
  return std::nullopt;
}

std::string_view SalesforceRoleLabel(DmuRole role) {
  for (const auto& [text, candidate] : kRoleLabels) {
    if (candidate == role) return text;
  }
  return "Other";
}

domain::UserRole UserRoleFromTitle(std::string_view title) {
  if (ContainsIgnoreCase(title, "admin")) return domain::UserRole::kAdmin;
  if (ContainsIgnoreCase(title, "marketing")) return domain::UserRole::kMarketing;
  for (auto word : {"manager", "director", "head", "vp", "vice president", "chief"}) {
    if (ContainsIgnoreCase(title, word)) return domain::UserRole::kManager;
  }
  return domain::UserRole::kRep;
}

std::string_view SalesforceTitleFor(domain::UserRole role) {
  switch (role) {
    case domain::UserRole::kAdmin:
      return "Administrator";
    case domain::UserRole::kManager:
      return "Sales Manager";
    case domain::UserRole::kRep:
      return "Sales Representative";
    case domain::UserRole::kMarketing:
      return "Marketing";
  }
  return "Sales Representative";
}

}  // namespace buyalign::crm
