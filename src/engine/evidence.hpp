#pragma once

#include <cstdint>

#include "domain/enums.hpp"

namespace buyalign::engine {

// One piece of evidence about one DMU member, resolved against the methodology: compact (16
// bytes) so millions can sit in memory for a recompute. Build it with ReadinessFilter::Resolve.
struct Evidence {
  int64_t at = 0;           // Unix seconds
  uint32_t stage_tags = 0;  // content signals: bit s set when the content is tagged with stage s
  int16_t kind = 0;         // index into Methodology::signals()
  int8_t stage = -1;        // assessment signals: the assessed stage
  uint8_t source = 0;       // a domain::SignalSource, never kUnspecified once resolved

  domain::SignalSource signal_source() const { return static_cast<domain::SignalSource>(source); }
};

}  // namespace buyalign::engine
