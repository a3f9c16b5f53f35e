#include "demo/demo_batch.hpp"

#include <cstdio>

namespace buyalign::demo {
namespace {

std::string SequenceId(const char* prefix, int64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%05lld", prefix, static_cast<long long>(n));
  return buf;
}

}  // namespace

void DemoBatch::Add(domain::Signal record) {
  if (record.id.empty()) record.id = SequenceId("sig", ++signal_seq_);
  Push(batch_.signals, std::move(record));
}

void DemoBatch::Add(domain::Activity record) {
  if (record.id.empty()) record.id = SequenceId("act", ++activity_seq_);
  Push(batch_.activities, std::move(record));
}

}  // namespace buyalign::demo
