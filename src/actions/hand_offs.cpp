#include "actions/hand_offs.hpp"

#include <algorithm>

namespace buyalign::actions {

std::optional<HandOffChain> FindHandOffs(const PlaybookRule& rule, const DealView& deal) {
  std::vector<const domain::Activity*> chain;
  for (const domain::Activity& a : deal.input().activities) {
    const bool kind = std::find(rule.chain_activities.begin(), rule.chain_activities.end(),
                                a.kind) != rule.chain_activities.end();
    if (kind && a.contact_ids.size() == 1 && core::ToUnixSeconds(a.at) <= deal.as_of()) {
      chain.push_back(&a);
    }
  }
  std::stable_sort(
      chain.begin(), chain.end(),
      [](const domain::Activity* a, const domain::Activity* b) { return a->at < b->at; });
  HandOffChain out;
  // Walk back from the latest meeting. Meetings in a row with the same contact are one link (an
  // intro and its follow-up); a contact met again after others ends the chain, since going back
  // to someone is a relationship, not a hand-off.
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const std::string& contact = (*it)->contact_ids.front();
    if (!out.contacts.empty() && out.contacts.back() == contact) continue;
    if (std::find(out.contacts.begin(), out.contacts.end(), contact) != out.contacts.end()) break;
    out.contacts.push_back(contact);
  }
  if (static_cast<int>(out.contacts.size()) < rule.min_contacts) return std::nullopt;
  for (const std::string& contact : out.contacts) {
    if (deal.SignalCount(contact) > rule.max_signals_each) return std::nullopt;
  }
  std::reverse(out.contacts.begin(), out.contacts.end());
  return out;
}

}  // namespace buyalign::actions
