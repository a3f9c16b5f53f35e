#include "engine/readiness_filter.hpp"

#include <algorithm>

namespace buyalign::engine {

ReadinessFilter::ReadinessFilter(const methodology::Methodology& methodology)
    : methodology_(methodology),
      n_(methodology.stage_count()),
      transitions_(methodology),
      likelihoods_(methodology),
      backward_share_(methodology.dynamics().backward_signal_share) {
  for (const methodology::SignalDefinition& def : methodology.signals()) {
    backward_kind_.push_back(def.backward);
  }
  for (int s = 0; s < n_; ++s) {
    prior_[static_cast<size_t>(s)] = methodology.stage_definitions()[static_cast<size_t>(s)].prior;
  }
  Normalize(prior_, n_);
}

core::Result<Evidence> ReadinessFilter::Resolve(
    const domain::Signal& signal, const std::vector<std::string>* content_stages) const {
  std::optional<int> kind = methodology_.SignalIndex(signal.kind);
  if (!kind) {
    return core::Fail(core::Error::Invalid("unknown signal kind \"" + signal.kind + "\"", "kind"));
  }
  const methodology::SignalDefinition& def = methodology_.signals()[static_cast<size_t>(*kind)];
  Evidence e;
  e.at = core::ToUnixSeconds(signal.at);
  e.kind = static_cast<int16_t>(*kind);
  const domain::SignalSource source =
      signal.source == domain::SignalSource::kUnspecified ? def.source : signal.source;
  e.source = static_cast<uint8_t>(source);
  if (def.model == methodology::SignalModel::kAssessment) {
    std::optional<int> stage = methodology_.StageIndex(signal.stage);
    if (!stage) {
      return core::Fail(core::Error::Invalid(signal.stage.empty()
                                                 ? "a stage assessment needs a stage"
                                                 : "unknown stage \"" + signal.stage + "\"",
                                             "stage"));
    }
    e.stage = static_cast<int8_t>(*stage);
  } else if (def.model == methodology::SignalModel::kContent && content_stages != nullptr) {
    for (const std::string& id : *content_stages) {
      // Tags the methodology does not know (content tagged for another cycle) carry no evidence.
      if (std::optional<int> stage = methodology_.StageIndex(id)) e.stage_tags |= 1u << *stage;
    }
  }
  return e;
}

UpdateOutcome ReadinessFilter::Update(MemberState& state, const Evidence& e) const {
  const size_t un = static_cast<size_t>(n_);
  double predicted[methodology::kMaxStages];
  if (state.empty()) {
    std::copy(prior_.begin(), prior_.begin() + n_, predicted);
  } else {
    if (e.at < state.at) return UpdateOutcome::kNeedsRecompute;
    double posterior[methodology::kMaxStages];
    for (size_t s = 0; s < un; ++s) posterior[s] = state.p[s];
    transitions_.Propagate(posterior, predicted, TransitionModel::DaysBetween(state.at, e.at));
  }
  if (backward_kind_[static_cast<size_t>(e.kind)] && backward_share_ > 0) {
    double jumped[methodology::kMaxStages];
    transitions_.JumpBack(predicted, jumped);
    for (size_t s = 0; s < un; ++s) {
      predicted[s] = (1 - backward_share_) * predicted[s] + backward_share_ * jumped[s];
    }
  }
  StageVector scratch;
  const double* likelihood = likelihoods_.For(e, scratch);
  double sum = 0;
  for (size_t s = 0; s < un; ++s) sum += (predicted[s] *= likelihood[s]);
  // Every likelihood has a floor > 0 and the prediction has mass, so sum > 0; guard anyway so a
  // corrupt state can never turn into NaNs.
  const double scale = sum > 0 ? 1.0 / sum : 0.0;
  for (size_t s = 0; s < un; ++s) {
    state.p[s] = sum > 0 ? static_cast<float>(predicted[s] * scale) : 1.0f / static_cast<float>(n_);
  }
  state.at = e.at;
  ++state.evidence_count;
  return UpdateOutcome::kApplied;
}

StageVector ReadinessFilter::Posterior(const MemberState& state) const {
  StageVector p{};
  for (int s = 0; s < n_; ++s) p[static_cast<size_t>(s)] = state.p[static_cast<size_t>(s)];
  return p;
}

StageVector ReadinessFilter::Predict(const MemberState& state, int64_t as_of) const {
  if (state.empty()) return prior_;
  StageVector out = transitions_.Propagate(
      Posterior(state), TransitionModel::DaysBetween(state.at, std::max(as_of, state.at)));
  Normalize(out, n_);
  return out;
}

MemberState ReadinessFilter::Recompute(std::span<const Evidence> evidence, int64_t as_of) const {
  MemberState state;
  for (const Evidence& e : evidence) {
    if (e.at > as_of) break;
    Update(state, e);
  }
  return state;
}

}  // namespace buyalign::engine
