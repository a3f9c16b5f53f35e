#pragma once

#include <cstdint>
#include <string>

#include "storage/store.hpp"

namespace buyalign::demo {

// The record batch under construction. It numbers records in the order they are added (the
// `line` a store names in an error, as if the batch were a JSON Lines file) and hands out the
// sequential ids of signals and activities, so the ids depend only on the order of generation.
// Not thread-safe.
class DemoBatch {
 public:
  void Add(domain::Team record) { Push(batch_.teams, std::move(record)); }
  void Add(domain::User record) { Push(batch_.users, std::move(record)); }
  void Add(domain::Account record) { Push(batch_.accounts, std::move(record)); }
  void Add(domain::Contact record) { Push(batch_.contacts, std::move(record)); }
  void Add(domain::ContentItem record) { Push(batch_.content, std::move(record)); }
  void Add(domain::Opportunity record) { Push(batch_.opportunities, std::move(record)); }
  void Add(domain::DmuMember record) { Push(batch_.dmu_members, std::move(record)); }
  void Add(domain::ContentShare record) { Push(batch_.content_shares, std::move(record)); }
  void Add(domain::Outcome record) { Push(batch_.outcomes, std::move(record)); }
  // A signal or activity without an id gets the next "sig-00001" / "act-00001".
  void Add(domain::Signal record);
  void Add(domain::Activity record);

  const storage::RecordBatch& batch() const { return batch_; }
  storage::RecordBatch Take() && { return std::move(batch_); }

 private:
  template <class T>
  void Push(std::vector<storage::Sourced<T>>& into, T record) {
    into.push_back({std::move(record), ++line_});
  }

  storage::RecordBatch batch_;
  int64_t line_ = 0;
  int64_t signal_seq_ = 0;
  int64_t activity_seq_ = 0;
};

}  // namespace buyalign::demo
