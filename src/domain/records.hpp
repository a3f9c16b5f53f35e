#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.hpp"
#include "domain/enums.hpp"

// The records of the interchange spec (../shared/spec/interchange.md). Every reference to another
// record holds that record's external id, the source system's own string; internal ids never leave
// the store. An empty string means "absent" for optional text fields. `version` starts at 1 and
// grows by one on every change; 0 means "not stored yet".
namespace buyalign::domain {

struct Team {
  std::string id;
  std::string name;
  int64_t version = 0;
};

struct User {
  std::string id;
  std::string name;
  std::string email;
  UserRole role = UserRole::kRep;
  std::string team;  // team id, may be empty
  // A disabled user cannot sign in and their sessions and API tokens stop working. Read-only in
  // this record: set it with Store::SetUserDisabled (imports and updates leave it alone).
  bool disabled = false;
  int64_t version = 0;
};

struct Account {
  std::string id;
  std::string name;
  std::string industry;
  std::optional<int64_t> employees;
  std::string country;
  std::string segment;
  int64_t version = 0;
};

struct Contact {
  std::string id;
  std::string account_id;
  std::string name;
  std::string title;
  std::string email;
  std::string persona;
  int64_t version = 0;
};

struct Opportunity {
  std::string id;
  std::string account_id;
  std::string name;
  std::string owner;  // user id, may be empty
  std::optional<double> amount;
  std::string currency;
  std::optional<core::Date> expected_close;
  OpportunityStatus status = OpportunityStatus::kOpen;
  std::optional<core::Timestamp> created_at;
  // The seller's stage name in the CRM ("Negotiation/Review"), used by the stage-weighted
  // forecast; empty when unknown.
  std::string crm_stage;
  int64_t version = 0;
};

// A contact's part in one opportunity's decision-making unit; keyed by (opportunity, contact).
struct DmuMember {
  std::string opportunity_id;
  std::string contact_id;
  DmuRole role = DmuRole::kOther;
  double influence = 0.5;  // 0..1
  Stance stance = Stance::kNeutral;
  int64_t version = 0;
};

// What a buyer said or did. `kind` is a signal id of the methodology. Records without an id in the
// input get a deterministic one derived from their content (see interop), so re-imports update.
struct Signal {
  std::string id;
  std::string opportunity_id;
  std::string contact_id;
  std::string kind;
  core::Timestamp at{};
  SignalSource source = SignalSource::kUnspecified;
  std::string stage;       // required for stage_assessed
  std::string content_id;  // required for content_engaged
  std::string note;
  int64_t version = 0;
};

// What the seller did. `kind` is an activity id of the methodology.
struct Activity {
  std::string id;
  std::string opportunity_id;
  std::vector<std::string> contact_ids;
  std::string kind;
  core::Timestamp at{};
  std::optional<int64_t> duration_min;
  std::string owner;  // user id, may be empty
  std::string note;
  int64_t version = 0;
};

struct ContentItem {
  std::string id;
  std::string title;
  std::string url;
  std::vector<std::string> stages;  // stage ids of the methodology
  std::vector<std::string> personas;
  std::vector<std::string> segments;
  std::string format;
  bool retired = false;
  int64_t version = 0;
};

// A content item sent to a contact within an opportunity; keyed by (content, opportunity, contact,
// at).
struct ContentShare {
  std::string content_id;
  std::string opportunity_id;
  std::string contact_id;
  core::Timestamp at{};
  bool engaged = false;
  int64_t version = 0;
};

// How an opportunity ended; at most one per opportunity.
struct Outcome {
  std::string opportunity_id;
  OpportunityStatus status = OpportunityStatus::kWon;  // won or lost
  core::Timestamp at{};
  std::optional<double> amount;
  std::string reason;
  int64_t version = 0;
};

// One entry of a CRM's opportunity stage history (Salesforce OpportunityHistory): the seller's
// stage name as the CRM spells it, kept for backtests and the stage-weighted forecast. Keyed by
// (opportunity, at).
struct StageChange {
  std::string opportunity_id;
  std::string stage;
  core::Timestamp at{};
  std::optional<double> amount;
  std::optional<double> probability;  // 0..1, the CRM's own stage probability
  int64_t version = 0;
};

}  // namespace buyalign::domain
