#include "actions/next_action_planner.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "actions/action_score.hpp"
#include "actions/hand_offs.hpp"
#include "actions/rule_match.hpp"
#include "actions/text_template.hpp"
#include "core/enum_names.hpp"
#include "engine/friction_text.hpp"

namespace buyalign::actions {
namespace {

using engine::MemberReadiness;

constexpr double kDay = 86400;

// One rule firing: about whom, how severe, in which words, before it becomes an action.
struct Hit {
  const PlaybookRule* rule = nullptr;
  const MemberReadiness* subject = nullptr;  // null for deal-wide frictions
  double severity = 0;
  std::string explanation;  // the engine's sentence for frictions; empty: the rule's template
  int count = 0;            // hand_offs: the length of the chain
};

// Builds scored actions from hits for one opportunity.
class ActionBuilder {
 public:
  ActionBuilder(const DealView& deal, const Playbook& playbook, const ContentPicker& content)
      : deal_(deal), playbook_(playbook), content_(content) {}

  // Appends the action for `hit`; nothing when the rule's target does not exist.
  void Add(const Hit& hit, std::vector<NextAction>& out) const {
    const MemberReadiness* target = Target(*hit.rule, hit.subject);
    if (target == nullptr) return;
    const methodology::Methodology& m = deal_.methodology();
    const int stage = deal_.StageOf(*target);
    const TemplateValues values{
        {"name", Name(*target)},
        {"subject", hit.subject != nullptr ? Name(*hit.subject) : Name(*target)},
        {"role", engine::text::RoleName(target->role)},
        {"stage", target->stage},
        {"question", m.stage_definitions()[static_cast<size_t>(stage)].question},
        {"count", std::to_string(hit.count)}};

    NextAction a;
    a.opportunity_id = deal_.input().opportunity_id;
    a.contact_id = target->contact_id;
    a.contact_name = Name(*target);
    a.role = std::string(core::EnumName(domain::kDmuRoleNames, target->role));
    a.activity = Activity(*hit.rule, stage);
    a.purpose = FillTemplate(hit.rule->purpose, values);
    a.reason.stage =
        hit.subject != nullptr ? hit.subject->stage : deal_.readiness().readiness.stage;
    a.reason.friction = hit.rule->reason;
    a.reason.explanation = hit.rule->explanation.empty()
                               ? hit.explanation
                               : FillTemplate(hit.rule->explanation, values);
    for (const std::string& q : hit.rule->questions) a.questions.push_back(FillTemplate(q, values));
    for (const std::string& t : hit.rule->talking_points) {
      a.talking_points.push_back(FillTemplate(t, values));
    }
    a.content =
        content_.Pick(hit.rule->content_stage.value_or(stage), deal_.PersonaOf(target->contact_id),
                      hit.rule->content_format, static_cast<size_t>(playbook_.ranking.max_content));
    a.score = Score(hit.severity, *target);
    a.due = Due(hit.rule->due_days);
    a.rule = hit.rule->id;
    out.push_back(std::move(a));
  }

 private:
  static std::string Name(const MemberReadiness& m) {
    return m.name.empty() ? m.contact_id : m.name;
  }

  const MemberReadiness* Target(const PlaybookRule& rule, const MemberReadiness* subject) const {
    switch (rule.target) {
      case TargetKind::kSubject:
        return subject != nullptr ? subject : deal_.MostInfluential();
      case TargetKind::kChampion:
        return deal_.Champion();
      case TargetKind::kEconomicBuyer:
        return deal_.EconomicBuyer();
      case TargetKind::kCurrentContact:
        return deal_.CurrentContact();
    }
    return nullptr;
  }

  // The rule's activity; for "fitting", the first selling activity whose fit holds the stage.
  std::string Activity(const PlaybookRule& rule, int stage) const {
    if (rule.activity != kFittingActivity) return rule.activity;
    for (const methodology::ActivityDefinition& a : deal_.methodology().activities()) {
      if (a.selling_time && !a.fits_any &&
          std::binary_search(a.fits.begin(), a.fits.end(), stage)) {
        return a.id;
      }
    }
    return "follow_up";
  }

  double Score(double severity, const MemberReadiness& target) const {
    ScoreInputs in;
    in.severity = severity;
    in.influence = target.influence;
    in.distance_stages = deal_.DistanceFromOthers(target);
    if (deal_.input().expected_close) {
      const int64_t close = core::ToUnixSeconds(core::Timestamp(*deal_.input().expected_close));
      in.days_to_close = static_cast<double>(close - deal_.as_of()) / kDay;
    }
    if (target.last_evidence_at) {
      in.days_since_evidence =
          static_cast<double>(deal_.as_of() - core::ToUnixSeconds(*target.last_evidence_at)) / kDay;
    }
    return ExpectedValue(playbook_.ranking, in);
  }

  // as_of + due_days, but not after the expected close unless that is already past.
  core::Date Due(int due_days) const {
    const core::Date today = std::chrono::floor<std::chrono::days>(deal_.readiness().as_of);
    core::Date due = today + std::chrono::days{due_days};
    if (const auto& close = deal_.input().expected_close; close && *close >= today) {
      due = std::min(due, *close);
    }
    return due;
  }

  const DealView& deal_;
  const Playbook& playbook_;
  const ContentPicker& content_;
};

// The first rule of `trigger` (and friction kind) that matches `subject` and the deal, or null.
const PlaybookRule* FirstMatch(const Playbook& playbook, TriggerKind trigger, int friction,
                               const DealView& deal, const MemberReadiness* subject) {
  for (const PlaybookRule& rule : playbook.rules) {
    if (rule.trigger != trigger) continue;
    if (trigger == TriggerKind::kFriction && rule.friction != friction) continue;
    if (SubjectMatches(rule, deal, subject) && DealAllows(rule, deal)) return &rule;
  }
  return nullptr;
}

std::vector<Hit> FindHits(const Playbook& playbook, const DealView& deal) {
  std::vector<Hit> hits;
  for (const engine::Friction& f : deal.readiness().frictions) {
    const MemberReadiness* subject = deal.Member(f.contact_id);
    const PlaybookRule* rule =
        FirstMatch(playbook, TriggerKind::kFriction, static_cast<int>(f.kind), deal, subject);
    if (rule != nullptr) hits.push_back({rule, subject, f.severity, f.explanation, 0});
  }
  for (const PlaybookRule& rule : playbook.rules) {
    if (rule.trigger == TriggerKind::kSignal) {
      for (const MemberReadiness& m : deal.readiness().members) {
        if (deal.ShowedSignal(m.contact_id, rule.signal, rule.within_days) &&
            SubjectMatches(rule, deal, &m) && DealAllows(rule, deal)) {
          hits.push_back({&rule, &m, rule.severity, "", 0});
        }
      }
    } else if (rule.trigger == TriggerKind::kHandOffs) {
      std::optional<HandOffChain> chain = FindHandOffs(rule, deal);
      if (!chain) continue;
      const MemberReadiness* subject = deal.Member(chain->contacts.back());
      if (subject != nullptr && SubjectMatches(rule, deal, subject) && DealAllows(rule, deal)) {
        hits.push_back(
            {&rule, subject, rule.severity, "", static_cast<int>(chain->contacts.size())});
      }
    }
  }
  std::set<std::string_view> addressed;
  for (const Hit& h : hits) {
    if (h.subject != nullptr) addressed.insert(h.subject->contact_id);
  }
  for (const MemberReadiness& m : deal.readiness().members) {
    if (addressed.count(m.contact_id) > 0) continue;
    if (const PlaybookRule* rule = FirstMatch(playbook, TriggerKind::kStage, 0, deal, &m)) {
      hits.push_back({rule, &m, rule->severity, "", 0});
    }
  }
  return hits;
}

// Highest score first; equal scores keep the order the hits were found in.
void RankAndTrim(std::vector<NextAction>& actions, size_t max) {
  std::stable_sort(actions.begin(), actions.end(),
                   [](const NextAction& a, const NextAction& b) { return a.score > b.score; });
  std::vector<NextAction> kept;
  for (NextAction& a : actions) {
    const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const NextAction& k) {
      return k.contact_id == a.contact_id && k.activity == a.activity;
    });
    if (!duplicate) kept.push_back(std::move(a));
    if (kept.size() == max) break;
  }
  actions = std::move(kept);
}

}  // namespace

core::Result<std::vector<NextAction>> NextActionPlanner::Plan(const engine::OpportunityInput& input,
                                                              const Personas& personas,
                                                              core::Timestamp as_of) const {
  if (input.status != domain::OpportunityStatus::kOpen) return std::vector<NextAction>{};
  core::Result<engine::OpportunityReadiness> readiness = engine_.Analyze(input, as_of);
  if (!readiness) return core::Fail(std::move(readiness.error()));
  return PlanFrom(input, *readiness, personas);
}

std::vector<NextAction> NextActionPlanner::PlanFrom(const engine::OpportunityInput& input,
                                                    const engine::OpportunityReadiness& readiness,
                                                    const Personas& personas) const {
  std::vector<NextAction> actions;
  if (input.status != domain::OpportunityStatus::kOpen) return actions;
  const DealView deal(input, readiness, personas, engine_.methodology());
  const ActionBuilder builder(deal, playbook_, content_);
  for (const Hit& hit : FindHits(playbook_, deal)) builder.Add(hit, actions);
  RankAndTrim(actions, static_cast<size_t>(playbook_.ranking.max_per_opportunity));
  return actions;
}

}  // namespace buyalign::actions
