#include "crm/stage_table.hpp"

#include <toml++/toml.h>

#include "crm/text_util.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace buyalign::crm {
namespace {

StageTable::Stage Make(std::string name, domain::OpportunityStatus status, double probability) {
  return {std::move(name), status, probability};
}

}  // namespace

const StageTable& StageTable::SalesforceDefault() {
  static const StageTable table = [] {
    using S = domain::OpportunityStatus;
    StageTable t;
    t.stages_ = {
        Make("Prospecting", S::kOpen, 0.10),
        Make("Qualification", S::kOpen, 0.10),
        Make("Needs Analysis", S::kOpen, 0.20),
        Make("Value Proposition", S::kOpen, 0.50),
        Make("Id. Decision Makers", S::kOpen, 0.60),
        Make("Perception Analysis", S::kOpen, 0.70),
        Make("Proposal/Price Quote", S::kOpen, 0.75),
        Make("Negotiation/Review", S::kOpen, 0.90),
        Make("Closed Won", S::kWon, 1.0),
        Make("Closed Lost", S::kLost, 0.0),
    };
    return t;
  }();
  return table;
}

core::Result<StageTable> StageTable::Parse(std::string_view toml, std::string_view source_name) {
  auto bad = [&](std::string what) {
    return core::Fail(core::Error::Invalid(std::string(source_name) + ": " + what));
  };
  toml::table root;
  try {
    root = toml::parse(toml, source_name);
  } catch (const toml::parse_error& e) {
    return bad("line " + std::to_string(e.source().begin.line) + ": " +
               std::string(e.description()));
  }
  const toml::array* entries = root["stage"].as_array();
  if (entries == nullptr || entries->empty()) return bad("no [[stage]] entries");
  StageTable table;
  for (size_t i = 0; i < entries->size(); ++i) {
    std::string where = "stage " + std::to_string(i + 1);
    const toml::table* entry = (*entries)[i].as_table();
    if (entry == nullptr) return bad(where + ": not a table");
    Stage stage;
    stage.name = (*entry)["name"].value_or(std::string());
    if (stage.name.empty()) return bad(where + ": missing name");
    if (table.Find(stage.name)) return bad(where + ": \"" + stage.name + "\" is listed twice");
    std::string status = (*entry)["status"].value_or(std::string("open"));
    auto parsed =
        core::ParseEnum<domain::OpportunityStatus>(domain::kOpportunityStatusNames, status);
    if (!parsed) return bad(where + ": status must be open, won or lost, not \"" + status + "\"");
    stage.status = *parsed;
    if (auto p = (*entry)["probability"].value<double>()) {
      if (*p < 0 || *p > 1) return bad(where + ": probability must be between 0 and 1");
      stage.probability = *p;
    }
    table.stages_.push_back(std::move(stage));
  }
  return table;
}

core::Result<StageTable> StageTable::Load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Fail(core::Error::NotFound(path.string() + ": cannot open the file"));
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path.filename().string());
}

const StageTable::Stage* StageTable::Find(std::string_view name) const {
  for (const auto& stage : stages_) {
    if (EqualsIgnoreCase(stage.name, name)) return &stage;
  }
  return nullptr;
}

std::string_view StageTable::NameFor(domain::OpportunityStatus status) const {
  for (const auto& stage : stages_) {
    if (stage.status == status) return stage.name;
  }
  return core::EnumName(domain::kOpportunityStatusNames, status);
}

}  // namespace buyalign::crm
