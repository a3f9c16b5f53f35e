#include "actions/showroom_decision.hpp"

#include <algorithm>

#include "actions/rule_match.hpp"
#include "actions/text_template.hpp"
#include "engine/friction_text.hpp"

namespace buyalign::actions {
namespace {

using engine::MemberReadiness;

std::string Name(const MemberReadiness& m) { return m.name.empty() ? m.contact_id : m.name; }

std::vector<const MemberReadiness*> DecisionMakers(const DealView& deal, const ShowroomParams& p) {
  std::vector<const MemberReadiness*> out;
  for (const MemberReadiness& m : deal.readiness().members) {
    if (std::find(p.decision_roles.begin(), p.decision_roles.end(), m.role) !=
        p.decision_roles.end()) {
      out.push_back(&m);
    }
  }
  if (out.empty() && deal.MostInfluential() != nullptr) out.push_back(deal.MostInfluential());
  return out;
}

// Whether some signal up to as_of pointed at `stage`: its kind's main stage, or a rep assessment.
bool Evidenced(const DealView& deal, int stage) {
  const methodology::Methodology& m = deal.methodology();
  for (const domain::Signal& s : deal.input().signals) {
    if (core::ToUnixSeconds(s.at) > deal.as_of()) continue;
    std::optional<int> kind = m.SignalIndex(s.kind);
    if (!kind) continue;
    const methodology::SignalDefinition& def = m.signals()[static_cast<size_t>(*kind)];
    if (def.model == methodology::SignalModel::kStage && def.main_stage == stage) return true;
    if (def.model == methodology::SignalModel::kAssessment && m.StageIndex(s.stage) == stage) {
      return true;
    }
  }
  return false;
}

// A sentence about who is still comparing, or empty when nobody is.
std::string Comparing(const DealView& deal, const ShowroomParams& p) {
  for (const MemberReadiness& m : deal.readiness().members) {
    const int stage = deal.StageOf(m);
    if (std::find(p.comparing_stages.begin(), p.comparing_stages.end(), stage) !=
        p.comparing_stages.end()) {
      return Name(m) + " is most likely still at " + m.stage +
             ": a full quote now hands them everything needed to shop elsewhere.";
    }
    for (const std::string& kind : p.comparing_signals) {
      if (deal.ShowedSignal(m.contact_id, kind, p.comparing_window_days)) {
        return Name(m) + " showed " + kind +
               " recently: they are still comparing, and a full quote would become their "
               "shopping list.";
      }
    }
  }
  return {};
}

}  // namespace

ShowroomDecision DecideShowroom(const DealView& deal, const Playbook& playbook,
                                const ContentPicker& content) {
  const ShowroomParams& p = playbook.showroom;
  const methodology::Methodology& m = deal.methodology();
  ShowroomDecision out;
  std::vector<std::string> fine;  // reasons in favour, listed after the blocking ones
  std::optional<int> focus;       // the earliest stage the follow-up must work on
  const auto need = [&](int stage) { focus = std::min(focus.value_or(stage), stage); };

  const std::vector<const MemberReadiness*> makers = DecisionMakers(deal, p);
  if (makers.empty()) {
    out.reasons.push_back("Nobody in the buying group is known yet: learn who decides first.");
    need(0);
  }
  for (const MemberReadiness* dm : makers) {
    const int stage = deal.StageOf(*dm);
    std::string sentence = Name(*dm) + " (" + engine::text::RoleName(dm->role) +
                           ") is most likely at " + dm->stage + " (" +
                           engine::text::Percent(dm->confidence) + ")";
    if (stage < p.quote_min_stage) {
      out.reasons.push_back(sentence + ", before " +
                            m.stages()[static_cast<size_t>(p.quote_min_stage)] +
                            ": not ready to choose yet.");
      need(stage);
    } else if (dm->confidence < p.min_confidence) {
      out.reasons.push_back(sentence + ": too unsure to quote on.");
      need(stage);
    } else {
      fine.push_back(sentence + ": ready for a quote.");
    }
  }
  for (int stage : p.must_be_evidenced) {
    const std::string& id = m.stages()[static_cast<size_t>(stage)];
    if (Evidenced(deal, stage)) {
      fine.push_back(id + " is evidenced.");
    } else {
      out.reasons.push_back("Still unclear: nothing shows " + id + " (\"" +
                            m.stage_definitions()[static_cast<size_t>(stage)].question + "\").");
      need(stage);
    }
  }
  if (std::string comparing = Comparing(deal, p); !comparing.empty()) {
    out.reasons.push_back(std::move(comparing));
    if (!p.comparing_stages.empty()) need(p.comparing_stages.front());
  }

  out.decision = focus ? "book_follow_up" : "quote_now";
  std::move(fine.begin(), fine.end(), std::back_inserter(out.reasons));
  // Prepare the stage that decides: the earliest open one, or the quote stage itself.
  const int stage = focus.value_or(p.quote_min_stage);
  const MemberReadiness* lead = makers.empty() ? nullptr : makers.front();
  for (const PlaybookRule& rule : playbook.rules) {
    if (rule.trigger != TriggerKind::kStage || !rule.stages || stage < rule.stages->first ||
        stage > rule.stages->second) {
      continue;
    }
    const TemplateValues values{
        {"name", lead != nullptr ? Name(*lead) : "the buyer"},
        {"stage", m.stages()[static_cast<size_t>(stage)]},
        {"question", m.stage_definitions()[static_cast<size_t>(stage)].question}};
    for (const std::string& q : rule.questions) out.prepare.push_back(FillTemplate(q, values));
    out.content = content.Pick(
        rule.content_stage.value_or(stage), lead != nullptr ? deal.PersonaOf(lead->contact_id) : "",
        rule.content_format, static_cast<size_t>(playbook.ranking.max_content));
    break;
  }
  return out;
}

}  // namespace buyalign::actions
