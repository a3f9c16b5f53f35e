#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http_client.hpp"

namespace buyalign::api_test {

// One record a write load wrote, as far as its client knows.
struct Written {
  std::string path;       // "/api/v1/accounts/w-0-17"
  long long version = 0;  // the last acknowledged (2xx) version; 0 when never acknowledged
  std::string name;       // the name acknowledged with that version
  // A write that was sent but whose answer never came (the server died, or refused it in a way
  // that leaves its fate open): the name it would have set. It may or may not have landed.
  std::optional<std::string> pending;
};

// Clients that write to a server as fast as it answers, from several threads, until stopped or
// until the server goes away: account creates, account updates (PUT with If-Match) and JSON
// Lines ingests of an account with a contact. Every write's outcome is kept in a ledger keyed by
// record path, updated only once the answer has been read, so the ledger never claims a write
// the server did not acknowledge. The choice of writes follows `seed` (thread scheduling does
// not). Thread-safe; stops in the destructor.
class WriteLoad {
 public:
  WriteLoad(int port, int threads, uint64_t seed);
  ~WriteLoad();
  WriteLoad(const WriteLoad&) = delete;
  WriteLoad& operator=(const WriteLoad&) = delete;

  // Writes acknowledged so far.
  long long acknowledged() const { return acknowledged_.load(); }
  // Blocks until at least `count` writes are acknowledged; false after `timeout_ms`.
  bool WaitForAcknowledged(long long count, int timeout_ms) const;
  // Stops the writers and waits for them.
  void Stop();
  // The ledger as it is now: every record written or attempted.
  std::vector<Written> Ledger() const;
  // Answers other than 2xx that the load did not expect ("POST /api/v1/accounts -> 500 ..."),
  // at most a few.
  std::vector<std::string> Surprises() const;

 private:
  void Run(int thread);
  void Create(HttpClient& client, const std::string& id);
  void Update(HttpClient& client, const std::string& path);
  void Ingest(HttpClient& client, const std::string& account_id, const std::string& contact_id);
  // Marks `path` as sent with `name`; returns false when its fate is already open (no more
  // writes to it then: its version is unknown).
  bool Send(const std::string& path, const std::string& name);
  void Acknowledge(const std::string& path, long long version);
  void Surprise(const std::string& what, const HttpResult& result);

  int port_;
  uint64_t seed_;
  std::atomic<bool> stop_{false};
  std::atomic<long long> acknowledged_{0};
  mutable std::mutex mu_;
  std::map<std::string, Written> ledger_;  // guarded by mu_
  std::vector<std::string> surprises_;     // guarded by mu_
  std::vector<std::thread> threads_;
};

// Reads every record of `ledger` back through `client` and returns the first disagreement, or ""
// when there is none: an acknowledged record must be there at its acknowledged version and name,
// or (when a later write was pending) one version on with the pending name; a record whose
// creation was never acknowledged must be absent or carry its pending name.
std::string VerifyLedger(HttpClient& client, const std::vector<Written>& ledger);

}  // namespace buyalign::api_test
