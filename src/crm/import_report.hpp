#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "storage/store.hpp"

namespace buyalign::crm {

// What happened to a value the import met, for the summary.
enum class ValueEvent {
  kUnmapped,    // no entry in a mapping table; the outcome says what was used instead
  kNormalised,  // rewritten to a canonical spelling (a typo, a unit)
  kDefaulted,   // the cell was empty; the outcome says what was done
};

// The summary of one import: what the store created, updated and left unchanged per record type,
// how many rows each file had, the rows skipped and why, the values that were unmapped,
// normalised or defaulted (with counts), and free notes (absent files, ignored columns).
// Printable as a table for a terminal and as JSON for tools. Entries are kept sorted, so two
// imports of the same files give the same summary. Not safe for concurrent use.
class ImportReport {
 public:
  struct SkippedRows {
    int64_t count = 0;
    std::vector<int64_t> example_lines;  // the first few lines
  };
  // (file, reason) -> rows.
  using SkipKey = std::tuple<std::string, std::string>;
  // (event, file, field, value, outcome) -> count.
  using ValueKey = std::tuple<ValueEvent, std::string, std::string, std::string, std::string>;

  void Note(std::string text) { notes_.push_back(std::move(text)); }
  // Several sources may read one file; it has the rows of its longest read.
  void RowsRead(std::string_view file, int64_t rows) {
    auto& count = rows_[std::string(file)];
    count = std::max(count, rows);
  }
  void Skip(std::string_view file, int64_t line, std::string_view reason);
  void Value(ValueEvent event, std::string_view file, std::string_view field,
             std::string_view value, std::string_view outcome);

  // The counts the store returned.
  void SetStored(storage::ImportSummary stored) { stored_ = std::move(stored); }

  const std::vector<std::string>& notes() const { return notes_; }
  const std::map<std::string, int64_t>& rows() const { return rows_; }
  const std::map<SkipKey, SkippedRows>& skipped() const { return skipped_; }
  const std::map<ValueKey, int64_t>& values() const { return values_; }
  const storage::ImportSummary& stored() const { return stored_; }

  int64_t SkippedTotal() const;
  // How many times `event` happened to `field` (any file, value and outcome).
  int64_t ValueTotal(ValueEvent event, std::string_view field) const;
  // The stored counts of one record type ("opportunity"), zeros when absent.
  storage::ImportCount StoredCount(std::string_view type) const;

  std::string ToTable() const;
  std::string ToJson() const;

 private:
  std::vector<std::string> notes_;
  std::map<std::string, int64_t> rows_;
  std::map<SkipKey, SkippedRows> skipped_;
  std::map<ValueKey, int64_t> values_;
  storage::ImportSummary stored_;
};

std::string_view ValueEventName(ValueEvent event);

}  // namespace buyalign::crm
