#pragma once

#include <string>

#include "storage/store.hpp"

namespace buyalign::demo::testing {

// Every field of every record of a batch, one record per line, for byte-for-byte comparisons.
std::string DumpBatch(const storage::RecordBatch& batch);

}  // namespace buyalign::demo::testing
