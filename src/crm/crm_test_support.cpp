#include "crm/crm_test_support.hpp"

namespace buyalign::crm::testing {
namespace {

std::string Opt(const std::optional<double>& v) { return v ? std::to_string(*v) : "-"; }
std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }

class DumpVisitor : public storage::Store::RecordVisitor {
 public:
  std::vector<std::string> lines;
  core::Status Visit(const domain::Team& t) override { return Add("team|" + t.id + "|" + t.name); }
  core::Status Visit(const domain::User& u) override {
    return Add("user|" + u.id + "|" + u.name + "|" + u.email + "|" +
               std::string(core::EnumName(domain::kUserRoleNames, u.role)) + "|" + u.team);
  }
  core::Status Visit(const domain::Account& a) override {
    return Add("account|" + a.id + "|" + a.name + "|" + a.industry + "|" + Opt(a.employees) + "|" +
               a.country + "|" + a.segment);
  }
  core::Status Visit(const domain::Contact& c) override {
    return Add("contact|" + c.id + "|" + c.account_id + "|" + c.name + "|" + c.title + "|" +
               c.email + "|" + c.persona);
  }
  core::Status Visit(const domain::ContentItem& k) override { return Add("content|" + k.id); }
  core::Status Visit(const domain::Opportunity& o) override {
    return Add("opportunity|" + o.id + "|" + o.account_id + "|" + o.name + "|" + o.owner + "|" +
               Opt(o.amount) + "|" + o.currency + "|" +
               (o.expected_close ? core::FormatDate(*o.expected_close) : "-") + "|" +
               std::string(core::EnumName(domain::kOpportunityStatusNames, o.status)) + "|" +
               (o.created_at ? core::FormatTimestamp(*o.created_at) : "-"));
  }
  core::Status Visit(const domain::DmuMember& m) override {
    return Add("dmu|" + m.opportunity_id + "|" + m.contact_id + "|" +
               std::string(core::EnumName(domain::kDmuRoleNames, m.role)) + "|" +
               std::to_string(m.influence) + "|" +
               std::string(core::EnumName(domain::kStanceNames, m.stance)));
  }
  core::Status Visit(const domain::Signal& s) override { return Add("signal|" + s.id); }
  core::Status Visit(const domain::Activity& a) override {
    std::string contacts;
    for (const auto& c : a.contact_ids) contacts += c + ";";
    return Add("activity|" + a.id + "|" + a.opportunity_id + "|" + contacts + "|" + a.kind + "|" +
               core::FormatTimestamp(a.at) + "|" + Opt(a.duration_min) + "|" + a.owner + "|" +
               a.note);
  }
  core::Status Visit(const domain::ContentShare& s) override {
    return Add("share|" + s.content_id + "|" + s.opportunity_id);
  }
  core::Status Visit(const domain::StageChange& c) override {
    return Add("stage_change|" + c.opportunity_id + "|" + c.stage + "|" +
               core::FormatTimestamp(c.at) + "|" + Opt(c.amount) + "|" + Opt(c.probability));
  }
  core::Status Visit(const domain::Outcome& o) override {
    return Add("outcome|" + o.opportunity_id + "|" +
               std::string(core::EnumName(domain::kOpportunityStatusNames, o.status)) + "|" +
               core::FormatTimestamp(o.at) + "|" + Opt(o.amount) + "|" + o.reason);
  }

 private:
  core::Status Add(std::string line) {
    lines.push_back(std::move(line));
    return {};
  }
};

}  // namespace

std::vector<std::string> Dump(storage::Store& store) {
  DumpVisitor visitor;
  auto scanned = store.ScanAll(visitor);
  EXPECT_TRUE(scanned) << scanned.error().message;
  return visitor.lines;
}

}  // namespace buyalign::crm::testing
