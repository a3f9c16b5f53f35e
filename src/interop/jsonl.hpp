#pragma once

#include <istream>
#include <ostream>

#include "core/result.hpp"
#include "methodology/methodology.hpp"
#include "storage/store.hpp"

// The JSON Lines interchange format (../shared/spec/interchange.md): one record per line.
namespace buyalign::interop {

// Limits that keep one bad file from exhausting memory.
struct JsonLinesLimits {
  size_t max_line_bytes = 1 << 20;
  int max_depth = 16;
};

// Reads every line of `in` into a batch. Fails on the first bad line with kInvalidArgument (or
// kPayloadTooLarge for an over-long line) naming the 1-based line and the field: malformed JSON,
// invalid UTF-8, a missing or unknown `type`, a missing required field, a wrong type, an unknown
// enum or methodology id. Blank lines are skipped. `progress` gets bytes read so far and the
// total (0 when unknown).
core::Result<storage::RecordBatch> ReadJsonLines(std::istream& in,
                                                 const methodology::Methodology& methodology,
                                                 const JsonLinesLimits& limits = {},
                                                 const storage::ProgressFn& progress = {},
                                                 size_t total_bytes = 0);

// Writes every record of the store, one per line, in the store's dependency order, so that
// ingest -> export -> ingest into a fresh store -> export gives the same bytes. A restricting
// `viewer` limits opportunities and what belongs to them to those it may see.
core::Status WriteJsonLines(storage::Store& store, std::ostream& out,
                            const storage::Viewer& viewer = {});

}  // namespace buyalign::interop
