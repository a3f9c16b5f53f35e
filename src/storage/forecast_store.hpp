#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/records.hpp"
#include "storage/audit.hpp"
#include "storage/page.hpp"

namespace buyalign::storage {

// Where a rep puts a deal in their forecast call for a period.
enum class ForecastCategory { kCommit, kBestCase, kPipeline, kOmitted };
inline constexpr std::array<std::string_view, 4> kForecastCategoryNames{"commit", "best_case",
                                                                        "pipeline", "omitted"};

struct ForecastCallDeal {
  std::string opportunity_id;
  ForecastCategory category = ForecastCategory::kPipeline;
  double amount = 0;  // the deal's amount when the call was made
};

// The model's P10/P50/P90 for the same scope and period at the moment a call was saved, kept
// with it so a call's accuracy can later be compared with what the model said then.
struct ModelSnapshot {
  std::optional<double> p10, p50, p90;
};

// A rep's forecast call for one period ("2026-Q3"): their deals by category. Keyed by (period,
// owner). `updated_at`/`updated_by` are set by the store.
struct ForecastCall {
  std::string period;
  std::string owner;                    // user id
  std::vector<ForecastCallDeal> deals;  // ordered by opportunity id
  std::string note;
  ModelSnapshot model;
  core::Timestamp updated_at{};
  std::string updated_by;
  int64_t version = 0;
};

// A manager's number for their team's period, beside the reps' calls. Keyed by (period, team);
// `team` is a team's external id (a label, like users.team).
struct ForecastAdjustment {
  std::string period;
  std::string team;
  double amount = 0;
  std::string note;
  ModelSnapshot model;
  core::Timestamp updated_at{};
  std::string updated_by;
  int64_t version = 0;
};

// The forecast half of the Store: forecast calls and manager adjustments, and the closing
// history the forecast learns from. Same contract as Store (store.hpp): thread-safe, one
// transaction per call, errors as values, every write audited with `actor` in its transaction
// (record types "forecast_call" and "forecast_adjustment", ids "<period>/<owner or team>").
class ForecastStore {
 public:
  virtual ~ForecastStore() = default;

  // kNotFound when there is none.
  virtual Result<ForecastCall> GetForecastCall(std::string_view period, std::string_view owner) = 0;
  // Ordered by period, then owner. An empty argument does not filter.
  virtual Result<std::vector<ForecastCall>> ListForecastCalls(std::string_view period,
                                                              std::string_view owner) = 0;
  // Creates the call (expected_version 0; kConflict when one exists) or replaces it
  // (expected_version the stored version; kConflict with current_version otherwise). The owner
  // and every deal's opportunity must exist (kUnknownReference naming "owner" or
  // "deals[i].opportunity_id"); a deal listed twice or an empty period is kInvalidArgument.
  // Returns the stored call with its new version.
  virtual Result<ForecastCall> PutForecastCall(const ForecastCall& call, int64_t expected_version,
                                               const Actor& actor = Actor::System()) = 0;

  virtual Result<ForecastAdjustment> GetForecastAdjustment(std::string_view period,
                                                           std::string_view team) = 0;
  virtual Result<std::vector<ForecastAdjustment>> ListForecastAdjustments(
      std::string_view period, std::string_view team) = 0;
  // As PutForecastCall; a non-finite amount or an empty team is kInvalidArgument.
  virtual Result<ForecastAdjustment> PutForecastAdjustment(
      const ForecastAdjustment& adjustment, int64_t expected_version,
      const Actor& actor = Actor::System()) = 0;

  // Every outcome, ordered by opportunity id; and every stage change, ordered by opportunity id
  // and time: what the forecast reads of how deals moved and ended, in one query each.
  virtual Result<std::vector<domain::Outcome>> ListOutcomes() = 0;
  virtual Result<std::vector<domain::StageChange>> ListAllStageChanges() = 0;
};

}  // namespace buyalign::storage
