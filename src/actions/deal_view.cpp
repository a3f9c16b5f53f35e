#include "actions/deal_view.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/dmu_summary.hpp"

namespace buyalign::actions {
namespace {

using engine::MemberReadiness;

// The most influential member satisfying `pred` (the first on ties), or null.
template <class Pred>
const MemberReadiness* Strongest(const std::vector<MemberReadiness>& members, Pred pred) {
  const MemberReadiness* best = nullptr;
  for (const MemberReadiness& m : members) {
    if (pred(m) && (best == nullptr || m.influence > best->influence)) best = &m;
  }
  return best;
}

// Words that, in the same clause as a topic, say the topic is still open ("SLA not discussed
// yet", "delivery to be settled later"): such a clause is not evidence that it was discussed.
// Matched as whole words, so "note" or "known" do not count as "no".
constexpr std::string_view kOpenMarkers[] = {"not",  "no",     "never",   "yet",     "later",
                                             "open", "before", "without", "pending", "tbd"};

bool HasWord(std::string_view clause, std::string_view word) {
  for (size_t at = clause.find(word); at != std::string_view::npos;
       at = clause.find(word, at + 1)) {
    const bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(clause[at - 1]));
    const size_t end = at + word.size();
    const bool ends =
        end == clause.size() || !std::isalnum(static_cast<unsigned char>(clause[end]));
    if (starts && ends) return true;
  }
  return false;
}

// True when some clause of the note (split at ; , . and newlines) names one of `words` without
// saying that it is still open.
bool ContainsWord(std::string_view note, const std::vector<std::string>& words) {
  if (note.empty()) return false;
  std::string lower(note);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view rest(lower);
  while (!rest.empty()) {
    const size_t cut = rest.find_first_of(";,.\n");
    const std::string_view clause = rest.substr(0, cut);
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    const bool names_topic = std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return clause.find(w) != std::string_view::npos;
    });
    if (!names_topic) continue;
    const bool still_open = std::any_of(std::begin(kOpenMarkers), std::end(kOpenMarkers),
                                        [&](std::string_view m) { return HasWord(clause, m); });
    if (!still_open) return true;
  }
  return false;
}

}  // namespace

DealView::DealView(const engine::OpportunityInput& input,
                   const engine::OpportunityReadiness& readiness, const Personas& personas,
                   const methodology::Methodology& methodology)
    : input_(input),
      readiness_(readiness),
      personas_(personas),
      methodology_(methodology),
      as_of_(core::ToUnixSeconds(readiness.as_of)) {}

const MemberReadiness* DealView::Member(std::string_view contact_id) const {
  if (contact_id.empty()) return nullptr;
  for (const MemberReadiness& m : readiness_.members) {
    if (m.contact_id == contact_id) return &m;
  }
  return nullptr;
}

int DealView::StageOf(const MemberReadiness& member) const {
  return methodology_.StageIndex(member.stage).value_or(0);
}

std::string DealView::PersonaOf(std::string_view contact_id) const {
  auto it = personas_.find(std::string(contact_id));
  return it == personas_.end() ? std::string() : it->second;
}

const MemberReadiness* DealView::MostInfluential() const {
  return Strongest(readiness_.members, [](const MemberReadiness&) { return true; });
}

const MemberReadiness* DealView::Champion() const {
  if (const MemberReadiness* m = Strongest(readiness_.members, [](const MemberReadiness& m) {
        return m.role == domain::DmuRole::kChampion || m.stance == domain::Stance::kChampion;
      })) {
    return m;
  }
  if (const MemberReadiness* m = Strongest(readiness_.members, [](const MemberReadiness& m) {
        return m.stance == domain::Stance::kSupporter;
      })) {
    return m;
  }
  return CurrentContact();
}

const MemberReadiness* DealView::EconomicBuyer() const {
  for (domain::DmuRole role : {domain::DmuRole::kEconomicBuyer, domain::DmuRole::kDecisionMaker,
                               domain::DmuRole::kExecutiveSponsor}) {
    if (const MemberReadiness* m =
            Strongest(readiness_.members, [&](const MemberReadiness& m) { return m.role == role; }))
      return m;
  }
  return MostInfluential();
}

const MemberReadiness* DealView::CurrentContact() const {
  const MemberReadiness* current = nullptr;
  core::Timestamp latest{};
  const auto consider = [&](std::string_view contact, core::Timestamp at) {
    if (!Counts(at) || (current != nullptr && at < latest)) return;
    if (const MemberReadiness* m = Member(contact)) {
      current = m;
      latest = at;
    }
  };
  for (const domain::Signal& s : input_.signals) consider(s.contact_id, s.at);
  for (const domain::Activity& a : input_.activities) {
    for (const std::string& c : a.contact_ids) consider(c, a.at);
  }
  return current != nullptr ? current : MostInfluential();
}

bool DealView::HasActivity(const std::vector<std::string>& kinds) const {
  return std::any_of(
      input_.activities.begin(), input_.activities.end(), [&](const domain::Activity& a) {
        return Counts(a.at) && std::find(kinds.begin(), kinds.end(), a.kind) != kinds.end();
      });
}

bool DealView::Mentions(const std::vector<std::string>& words) const {
  if (words.empty()) return false;
  for (const domain::Signal& s : input_.signals) {
    if (Counts(s.at) && ContainsWord(s.note, words)) return true;
  }
  for (const domain::Activity& a : input_.activities) {
    if (Counts(a.at) && ContainsWord(a.note, words)) return true;
  }
  return false;
}

bool DealView::HasRole(const std::vector<domain::DmuRole>& roles) const {
  return std::any_of(input_.members.begin(), input_.members.end(),
                     [&](const engine::MemberInput& m) {
                       return std::find(roles.begin(), roles.end(), m.role) != roles.end();
                     });
}

int DealView::SignalCount(std::string_view contact_id) const {
  return static_cast<int>(std::count_if(
      input_.signals.begin(), input_.signals.end(),
      [&](const domain::Signal& s) { return s.contact_id == contact_id && Counts(s.at); }));
}

bool DealView::ShowedSignal(std::string_view contact_id, std::string_view kind, double days) const {
  const double since = static_cast<double>(as_of_) - days * 86400;
  return std::any_of(input_.signals.begin(), input_.signals.end(), [&](const domain::Signal& s) {
    const int64_t at = core::ToUnixSeconds(s.at);
    return s.contact_id == contact_id && s.kind == kind && at <= as_of_ &&
           static_cast<double>(at) >= since;
  });
}

double DealView::DistanceFromOthers(const MemberReadiness& member) const {
  double weight = 0;
  double sum = 0;
  for (const MemberReadiness& m : readiness_.members) {
    if (&m == &member) continue;
    const double w = engine::InfluenceWeight(m.influence);
    weight += w;
    sum += w * m.position;
  }
  return weight > 0 ? std::abs(member.position - sum / weight) : 0;
}

}  // namespace buyalign::actions
