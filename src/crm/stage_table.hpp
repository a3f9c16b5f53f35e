#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/enums.hpp"

namespace buyalign::crm {

// A CRM's opportunity stage names and what each means here: the status an opportunity at that
// stage has (used when the export carries no IsWon/IsClosed) and the CRM's own win probability
// (kept on stage changes). Names match case-insensitively. Immutable once built; safe to share.
//
// The file format (configs/salesforce-stages.toml):
//   [[stage]]
//   name = "Prospecting"
//   status = "open"        # open, won or lost
//   probability = 0.1      # optional, 0..1
class StageTable {
 public:
  struct Stage {
    std::string name;
    domain::OpportunityStatus status = domain::OpportunityStatus::kOpen;
    std::optional<double> probability;
  };

  // Salesforce's default sales process, identical to configs/salesforce-stages.toml.
  static const StageTable& SalesforceDefault();
  // Fails with kInvalidArgument naming the file and the entry (a missing name, an unknown
  // status, a probability outside 0..1, a name given twice).
  static core::Result<StageTable> Parse(std::string_view toml, std::string_view source_name);
  static core::Result<StageTable> Load(const std::filesystem::path& path);

  const std::vector<Stage>& stages() const { return stages_; }
  const Stage* Find(std::string_view name) const;
  // The name to write for an opportunity of `status` (the first stage with that status), used by
  // exports, which know the status but not the stage.
  std::string_view NameFor(domain::OpportunityStatus status) const;

 private:
  std::vector<Stage> stages_;
};

}  // namespace buyalign::crm
