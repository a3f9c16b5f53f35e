#pragma once

#include <string>

#include "crm/crm_batch.hpp"
#include "crm/csv_table.hpp"

namespace buyalign::crm {

// Progress over the files of one import: each file adds its bytes to those of the files before.
// Not safe for concurrent use.
class FileProgress {
 public:
  FileProgress(ImportProgress fn, size_t total_bytes) : fn_(std::move(fn)), total_(total_bytes) {}
  void Report(const CsvTable& table) const {
    if (fn_) fn_("reading " + table.name(), done_ + table.bytes_read(), total_);
  }
  void FileDone(const CsvTable& table) { done_ += table.total_bytes(); }

 private:
  ImportProgress fn_;
  size_t total_;
  size_t done_ = 0;
};

// Calls `fn(table)` (returning core::Status) for every row of `table`, stops at the first error,
// reports progress every few thousand rows and counts the rows in `report`.
template <class Fn>
core::Status ForEachRow(CsvTable& table, ImportReport& report, FileProgress& progress, Fn&& fn) {
  constexpr int64_t kProgressEvery = 4096;
  int64_t rows = 0;
  while (true) {
    auto more = table.Next();
    if (!more) return core::Fail(more.error());
    if (!*more) break;
    if (auto done = fn(table); !done) return done;
    if (++rows % kProgressEvery == 0) progress.Report(table);
  }
  report.RowsRead(table.name(), rows);
  progress.FileDone(table);
  progress.Report(table);
  return {};
}

}  // namespace buyalign::crm
