#include "write_load.hpp"

#include <chrono>
#include <exception>
#include <random>

namespace buyalign::api_test {
namespace {

constexpr size_t kMaxSurprises = 5;

std::string AccountPath(const std::string& id) { return "/api/v1/accounts/" + id; }
std::string ContactPath(const std::string& id) { return "/api/v1/contacts/" + id; }

long long VersionOf(const HttpResult& result) {
  rapidjson::Document doc = result.Json();
  if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("version")) return 0;
  return doc["version"].GetInt64();
}

}  // namespace

WriteLoad::WriteLoad(int port, int threads, uint64_t seed) : port_(port), seed_(seed) {
  for (int t = 0; t < threads; ++t) threads_.emplace_back([this, t] { Run(t); });
}

WriteLoad::~WriteLoad() { Stop(); }

void WriteLoad::Stop() {
  stop_ = true;
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

bool WriteLoad::WaitForAcknowledged(long long count, int timeout_ms) const {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (acknowledged() < count) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return true;
}

std::vector<Written> WriteLoad::Ledger() const {
  std::lock_guard lock(mu_);
  std::vector<Written> out;
  out.reserve(ledger_.size());
  for (const auto& [path, written] : ledger_) out.push_back(written);
  return out;
}

std::vector<std::string> WriteLoad::Surprises() const {
  std::lock_guard lock(mu_);
  return surprises_;
}

void WriteLoad::Run(int thread) {
  HttpClient client(port_);
  std::mt19937_64 rng(seed_ * 31 + static_cast<uint64_t>(thread));
  std::vector<std::string> mine;  // accounts this thread created, which only it updates
  const std::string prefix = "w" + std::to_string(thread) + "-";
  try {
    for (long n = 0; !stop_; ++n) {
      const std::string id = prefix + std::to_string(n);
      const unsigned dice = static_cast<unsigned>(rng() % 10);
      if (dice < 3 && !mine.empty()) {
        Update(client, AccountPath(mine[rng() % mine.size()]));
      } else if (dice < 5) {
        Ingest(client, id, id + "-c");
        mine.push_back(id);
      } else {
        Create(client, id);
        mine.push_back(id);
      }
    }
  } catch (const std::exception&) {
    // The server went away (killed): this writer is done. Its last write stays pending.
  }
}

bool WriteLoad::Send(const std::string& path, const std::string& name) {
  std::lock_guard lock(mu_);
  Written& written = ledger_[path];
  if (written.pending) return false;
  written.path = path;
  written.pending = name;
  return true;
}

void WriteLoad::Acknowledge(const std::string& path, long long version) {
  std::lock_guard lock(mu_);
  Written& written = ledger_[path];
  written.version = version;
  written.name = *written.pending;
  written.pending.reset();
  ++acknowledged_;
}

void WriteLoad::Surprise(const std::string& what, const HttpResult& result) {
  std::lock_guard lock(mu_);
  if (surprises_.size() < kMaxSurprises) {
    surprises_.push_back(what + " -> " + std::to_string(result.status) + " " +
                         result.body.substr(0, 200));
  }
}

void WriteLoad::Create(HttpClient& client, const std::string& id) {
  const std::string name = "Account " + id;
  if (!Send(AccountPath(id), name)) return;
  HttpResult result =
      client.Post("/api/v1/accounts", R"({"id":")" + id + R"(","name":")" + name + R"("})");
  if (result.status == 201) return Acknowledge(AccountPath(id), VersionOf(result));
  Surprise("POST /api/v1/accounts " + id, result);
}

void WriteLoad::Update(HttpClient& client, const std::string& path) {
  long long version = 0;
  {
    std::lock_guard lock(mu_);
    const Written& written = ledger_[path];
    if (written.pending || written.version == 0) return;
    version = written.version;
  }
  const std::string id = path.substr(path.rfind('/') + 1);
  const std::string name = "Account " + id + " v" + std::to_string(version + 1);
  if (!Send(path, name)) return;
  HttpResult result =
      client.Write("PUT", path, R"({"id":")" + id + R"(","name":")" + name + R"("})", version);
  if (result.status == 200) return Acknowledge(path, VersionOf(result));
  Surprise("PUT " + path, result);
}

void WriteLoad::Ingest(HttpClient& client, const std::string& account_id,
                       const std::string& contact_id) {
  const std::string account_name = "Account " + account_id;
  const std::string contact_name = "Contact " + contact_id;
  if (!Send(AccountPath(account_id), account_name)) return;
  if (!Send(ContactPath(contact_id), contact_name)) return;
  const std::string body = R"({"type":"account","id":")" + account_id + R"(","name":")" +
                           account_name + "\"}\n" + R"({"type":"contact","id":")" + contact_id +
                           R"(","account_id":")" + account_id + R"(","name":")" + contact_name +
                           "\"}\n";
  HttpResult result = client.Send("POST", "/api/v1/ingest", body, {}, "application/x-ndjson");
  if (result.status != 200) return Surprise("POST /api/v1/ingest " + account_id, result);
  Acknowledge(AccountPath(account_id), 1);
  Acknowledge(ContactPath(contact_id), 1);
}

std::string VerifyLedger(HttpClient& client, const std::vector<Written>& ledger) {
  for (const Written& written : ledger) {
    HttpResult result = client.Get(written.path);
    if (written.version == 0) {
      // Never acknowledged: absent, or there as the pending write left it.
      if (result.status == 404) continue;
      if (result.status == 200 && written.pending &&
          result.body.find("\"" + *written.pending + "\"") != std::string::npos) {
        continue;
      }
      return written.path + " (never acknowledged) -> " + std::to_string(result.status) + " " +
             result.body;
    }
    if (result.status != 200) {
      return written.path + " was acknowledged at version " + std::to_string(written.version) +
             " but reads " + std::to_string(result.status) + " " + result.body;
    }
    const long long version = VersionOf(result);
    const bool as_acknowledged = version == written.version &&
                                 result.body.find("\"" + written.name + "\"") != std::string::npos;
    const bool as_pending = written.pending && version == written.version + 1 &&
                            result.body.find("\"" + *written.pending + "\"") != std::string::npos;
    if (!as_acknowledged && !as_pending) {
      return written.path + " was acknowledged at version " + std::to_string(written.version) +
             " as \"" + written.name + "\" but reads " + result.body;
    }
  }
  return {};
}

}  // namespace buyalign::api_test
