#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/enums.hpp"

namespace buyalign::methodology {

// The most stages a cycle may have: the engine keeps a member's distribution in a fixed array.
inline constexpr int kMaxStages = 16;

struct StageDefinition {
  std::string id;
  std::string phase;
  std::string question;  // the buyer's question at this stage
  double dwell_days = 21;
  double prior = 1;  // relative weight for a member first seen
};

// How a signal kind's stage likelihood is formed.
enum class SignalModel {
  kStage,       // a fixed likelihood peaking at the kind's main stage
  kAssessment,  // a rep's judgement: peaks (optimism-corrected) at the record's own stage
  kContent,     // content engagement: peaks at the content item's stage tags
};

struct SignalDefinition {
  std::string id;
  SignalModel model = SignalModel::kStage;
  int main_stage = -1;                                           // kStage only
  std::vector<int> also_stages;                                  // kStage only
  domain::SignalSource source = domain::SignalSource::kMeeting;  // when a record does not say
  bool backward = false;  // usually means the buyer moved back
  // kStage only: P(signal | stage), up to a constant factor, for every stage; max 1.
  std::vector<double> likelihood;
};

struct ActivityDefinition {
  std::string id;
  bool fits_any = false;
  std::vector<int> fits;  // stage indices, sorted; empty and !fits_any: fits no stage
  bool selling_time = true;
};

// Continuous-time dynamics between pieces of evidence.
struct Dynamics {
  double backward_every_days = 120;
  int max_back_stages = 3;
  double backward_signal_share = 0.5;
  // Buyers differ in pace: the drift between evidence is the average over these multiples of the
  // usual forward and backward rates, equally likely.
  std::vector<double> pace_factors{0.5, 1.0, 2.0, 4.0};
  int horizon_days = 400;
  std::vector<std::pair<int, double>> restart;  // after the last stage: (stage, share)
};

struct AssessmentShape {
  double optimism_stages = 0.5;
  double spread_behind = 1.3;
  double spread_ahead = 0.6;
  double floor = 0.03;
};

struct SignalShape {
  double spread = 0.7;
  double floor = 0.03;
  double also_weight = 0.7;
};

struct FrictionThresholds {
  std::vector<domain::DmuRole> required_roles{domain::DmuRole::kEconomicBuyer};
  int lagging_min_stages = 2;
  double lagging_min_influence = 0.3;
  double lagging_min_probability = 0.6;
  double blocker_min_influence = 0.6;
  double stale_after_days = 30;
  double stale_min_influence = 0.3;
  double single_threaded_window_days = 60;
  int backward_min_stages = 1;
  double backward_window_days = 30;
  int seller_ahead_min_stages = 2;
  double seller_ahead_min_probability = 0.6;
  double seller_ahead_window_days = 45;
  int seller_behind_min_stages = 2;
  double seller_behind_min_probability = 0.6;
  double seller_behind_window_days = 45;
  double stalled_dwell_factor = 2.0;
  double close_date_min_ratio = 0.6;
};

// The buying cycle, signal library, activity fits and friction thresholds an organisation sells
// by, built from a TOML document (configs/methodology.toml; see methodology_loader.hpp). The
// default reproduces ../shared/spec/buying-cycle.md and is compiled into the binary.
// Immutable once built; safe to share across threads.
class Methodology {
 public:
  // Stage ids in cyclic order.
  const std::vector<std::string>& stages() const { return stages_; }
  const std::vector<std::string>& signal_kinds() const { return signal_kinds_; }
  const std::vector<std::string>& activity_kinds() const { return activity_kinds_; }

  // 0-based position in the cycle, or nullopt for an unknown id.
  std::optional<int> StageIndex(std::string_view stage) const;
  bool IsStage(std::string_view id) const { return StageIndex(id).has_value(); }
  bool IsSignalKind(std::string_view id) const;
  bool IsActivityKind(std::string_view id) const;

  int stage_count() const { return static_cast<int>(stages_.size()); }
  const std::vector<StageDefinition>& stage_definitions() const { return stage_definitions_; }
  // Same order as signal_kinds() / activity_kinds().
  const std::vector<SignalDefinition>& signals() const { return signals_; }
  const std::vector<ActivityDefinition>& activities() const { return activities_; }
  // Position in signals() / activities(), or nullopt for an unknown id.
  std::optional<int> SignalIndex(std::string_view id) const;
  std::optional<int> ActivityIndex(std::string_view id) const;

  int purchase_stage() const { return purchase_stage_; }
  const Dynamics& dynamics() const { return dynamics_; }
  const SignalShape& signal_shape() const { return signal_shape_; }
  const AssessmentShape& assessment() const { return assessment_; }
  const FrictionThresholds& frictions() const { return frictions_; }
  // The share of signals from `source` that reflect the buyer's stage, 0..1. kUnspecified has no
  // reliability of its own: callers resolve it to the signal kind's source first.
  double Reliability(domain::SignalSource source) const {
    return reliability_[static_cast<size_t>(source)];
  }

  // P(assessed stage | true stage), up to a constant, for every true stage; max 1.
  const std::vector<double>& AssessmentLikelihood(int assessed_stage) const {
    return assessment_likelihood_[static_cast<size_t>(assessed_stage)];
  }
  // The likelihood kernel of a content item tagged with one stage; an item with several tags
  // takes the stage-wise maximum over its tags.
  const std::vector<double>& ContentKernel(int tagged_stage) const {
    return content_kernel_[static_cast<size_t>(tagged_stage)];
  }

  // The methodology of the spec, parsed once from the copy of configs/methodology.toml compiled
  // into the binary.
  static const Methodology& Default();

 private:
  friend class MethodologyBuilder;

  std::vector<std::string> stages_;
  std::vector<std::string> signal_kinds_;
  std::vector<std::string> activity_kinds_;
  std::vector<StageDefinition> stage_definitions_;
  std::vector<SignalDefinition> signals_;
  std::vector<ActivityDefinition> activities_;
  int purchase_stage_ = 0;
  Dynamics dynamics_;
  SignalShape signal_shape_;
  AssessmentShape assessment_;
  FrictionThresholds frictions_;
  std::array<double, domain::kSignalSourceNames.size()> reliability_{};
  std::vector<std::vector<double>> assessment_likelihood_;
  std::vector<std::vector<double>> content_kernel_;
};

}  // namespace buyalign::methodology
