#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/business_calendar.hpp"
#include "demo/demo_batch.hpp"

namespace buyalign::demo {

// Writes one hand-told story opportunity: every moment is given as "days before today" at an
// hour of the day, so a story reads like the diary it was written from. Not thread-safe.
class StoryKit {
 public:
  StoryKit(DemoBatch& batch, const BusinessCalendar& calendar, std::string opportunity_id,
           std::string owner)
      : batch_(batch),
        calendar_(calendar),
        opportunity_id_(std::move(opportunity_id)),
        owner_(std::move(owner)) {}

  core::Timestamp At(int64_t days_ago, int hour, int minute = 0) const {
    return calendar_.At(calendar_.DaysAgo(days_ago, hour, minute));
  }
  core::Date Today() const { return calendar_.today(); }
  const std::string& opportunity_id() const { return opportunity_id_; }
  const std::string& owner() const { return owner_; }

  void Member(std::string contact_id, domain::DmuRole role, double influence,
              domain::Stance stance);
  void Signal(std::string contact_id, std::string kind, int64_t days_ago, int hour,
              std::string note = {});
  void Assessed(std::string contact_id, std::string stage, int64_t days_ago, int hour);
  void Engaged(std::string contact_id, std::string content_id, int64_t days_ago, int hour);
  void Activity(std::vector<std::string> contact_ids, std::string kind, int64_t days_ago, int hour,
                int minutes, std::string note = {});
  void Share(std::string contact_id, std::string content_id, int64_t days_ago, int hour,
             bool engaged);

  DemoBatch& batch() { return batch_; }

 private:
  DemoBatch& batch_;
  const BusinessCalendar& calendar_;
  std::string opportunity_id_;
  std::string owner_;
};

}  // namespace buyalign::demo
