#pragma once

#include <optional>
#include <string_view>

#include "domain/enums.hpp"

// Salesforce's labels for the spec's closed vocabularies, both ways.
namespace buyalign::crm {

// OpportunityContactRole.Role -> DMU role, case-insensitive: Economic Buyer and Economic Decision
// Maker -> economic_buyer, Decision Maker, Technical Buyer, Business User, Evaluator, Influencer,
// Executive Sponsor, Other, and the labels the export writes for procurement, legal and champion.
// nullopt for anything else (the caller uses `other` and reports the label as unmapped).
std::optional<domain::DmuRole> DmuRoleFromSalesforce(std::string_view label);
// The label the export writes; DmuRoleFromSalesforce reads it back.
std::string_view SalesforceRoleLabel(domain::DmuRole role);

// A user's role guessed from their Salesforce Title, since the export has no Buyalign role:
// "admin" -> admin; "marketing" -> marketing; "manager", "director", "head", "vp", "vice
// president", "chief" -> manager; anything else -> rep.
domain::UserRole UserRoleFromTitle(std::string_view title);
// The Title the export writes; UserRoleFromTitle reads it back.
std::string_view SalesforceTitleFor(domain::UserRole role);

}  // namespace buyalign::crm
