#include "demo/buyer_journey.hpp"

#include <algorithm>

#include "demo/buying_profile.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::demo {
namespace {

constexpr int64_t kHour = 60;

const std::string& StageId(int stage) {
  return methodology::Methodology::Default().stages()[static_cast<size_t>(stage % kStageCount)];
}

// The stages visited, in order, with one step back when the plan asks for it.
std::vector<int> VisitedStages(const JourneyPlan& plan, Rng& rng) {
  std::vector<int> stages;
  const int span = plan.target_stage - plan.start_stage;
  const int back_at = plan.backward_move && span >= 3
                          ? static_cast<int>(rng.Between(plan.start_stage + 2, plan.target_stage))
                          : -1;
  for (int s = plan.start_stage; s <= plan.target_stage; ++s) {
    stages.push_back(s);
    if (s == back_at) {
      stages.push_back(s - 1);
      stages.push_back(s);
    }
  }
  return stages;
}

// Splits [join, end] into one interval per visited stage at sorted random cut points.
std::vector<JourneyStep> TimeSteps(const std::vector<int>& stages, const JourneyPlan& plan,
                                   Rng& rng) {
  std::vector<int64_t> cuts;
  for (size_t i = 1; i < stages.size(); ++i) cuts.push_back(rng.Between(plan.join, plan.end));
  std::sort(cuts.begin(), cuts.end());
  std::vector<JourneyStep> steps;
  for (size_t i = 0; i < stages.size(); ++i) {
    steps.push_back(
        {stages[i], i == 0 ? plan.join : cuts[i - 1], i + 1 == stages.size() ? plan.end : cuts[i]});
  }
  return steps;
}

// A rep's judgement of a stage: reps see their buyers further along than they are.
int OptimisticStage(int stage, Rng& rng) {
  constexpr double kOptimism[] = {0.45, 0.35, 0.2};  // +0, +1, +2 stages
  return stage + static_cast<int>(rng.Weighted(kOptimism));
}

std::string_view NoisyKind(int stage, Rng& rng) {
  int shown = stage;
  if (rng.Chance(0.18)) shown += rng.Chance(0.5) ? 1 : -1;
  return rng.Pick(TypicalSignals(shown));
}

class JourneyWriter {
 public:
  JourneyWriter(const JourneyPlan& plan, DealContext& deal, Rng& rng)
      : plan_(plan), deal_(deal), rng_(rng) {}

  void Signal(std::string_view kind, int64_t at, std::string stage = {},
              std::string content_id = {}, std::string note = {}) {
    deal_.batch.Add(domain::Signal{.opportunity_id = deal_.opportunity_id,
                                   .contact_id = plan_.contact_id,
                                   .kind = std::string(kind),
                                   .at = deal_.calendar.At(at),
                                   .source = TypicalSource(kind),
                                   .stage = std::move(stage),
                                   .content_id = std::move(content_id),
                                   .note = std::move(note)});
  }

  void Activity(int stage, int64_t at) {
    std::string_view kind;
    if (rng_.Chance(0.12)) {
      kind = rng_.Pick(ActivitiesFitting(stage + static_cast<int>(rng_.Between(2, 3))));
    } else if (rng_.Chance(0.2)) {
      kind = "follow_up";
    } else {
      kind = rng_.Pick(ActivitiesFitting(stage));
    }
    std::vector<std::string> contacts{plan_.contact_id};
    if (deal_.dmu_contacts.size() > 1 && rng_.Chance(0.25)) {
      const std::string& other = rng_.Pick(deal_.dmu_contacts);
      if (other != plan_.contact_id) contacts.push_back(other);
    }
    const int minutes = TypicalDuration(kind);
    deal_.batch.Add(domain::Activity{.opportunity_id = deal_.opportunity_id,
                                     .contact_ids = std::move(contacts),
                                     .kind = std::string(kind),
                                     .at = deal_.calendar.At(at),
                                     .duration_min = minutes,
                                     .owner = deal_.owner});
  }

  void Share(int stage, int64_t at, int64_t engaged_before) {
    std::string content_id = deal_.content.Pick(rng_, stage, plan_.persona);
    if (content_id.empty()) return;
    const bool engaged = rng_.Chance(0.6);
    deal_.batch.Add(domain::ContentShare{.content_id = content_id,
                                         .opportunity_id = deal_.opportunity_id,
                                         .contact_id = plan_.contact_id,
                                         .at = deal_.calendar.At(at),
                                         .engaged = engaged});
    const int64_t opened = std::min(at + rng_.Between(kHour, 12 * kHour), engaged_before);
    if (engaged && opened > at) Signal("content_engaged", opened, {}, std::move(content_id));
  }

 private:
  const JourneyPlan& plan_;
  DealContext& deal_;
  Rng& rng_;
};

}  // namespace

std::vector<JourneyStep> SimulateJourney(const JourneyPlan& plan, DealContext& deal, Rng& rng) {
  const std::vector<JourneyStep> steps = TimeSteps(VisitedStages(plan, rng), plan, rng);
  JourneyWriter out(plan, deal, rng);
  for (size_t i = 0; i < steps.size(); ++i) {
    const JourneyStep& step = steps[i];
    const bool last = i + 1 == steps.size();
    // Everything in the last step happens before the final signal, which closes the journey.
    const int64_t until = last ? step.leave - kHour : step.leave - 1;
    if (until < step.enter) continue;
    auto when = [&] { return rng.Between(step.enter, until); };

    if (i > 0 && step.stage < steps[i - 1].stage) {
      out.Signal(BackwardSignal(step.stage), step.enter, {}, {},
                 step.stage % kStageCount <= 4 ? "new requirement came up after talking to peers"
                                               : "wants to look at other options again");
    }
    const int shown = plan.quiet ? (rng.Chance(0.3) ? 1 : 0) : 1 + (rng.Chance(0.35) ? 1 : 0);
    for (int n = 0; n < shown; ++n) out.Signal(NoisyKind(step.stage, rng), when());
    if (!plan.quiet && rng.Chance(0.22)) {
      out.Signal("stage_assessed", when(), StageId(OptimisticStage(step.stage, rng)));
    }
    if (!plan.quiet && rng.Chance(0.3)) out.Share(step.stage, when(), until);
    if (rng.Chance(plan.quiet ? 0.3 : 0.6)) out.Activity(step.stage, when());
  }
  const std::string_view final_kind = plan.final_signal.empty()
                                          ? rng.Pick(TypicalSignals(plan.target_stage))
                                          : std::string_view(plan.final_signal);
  out.Signal(final_kind, plan.end);
  return steps;
}

}  // namespace buyalign::demo
