// ReadJsonLines (interop/jsonl.hpp): line splitting, per-line parsing and dispatch by "type".
#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "interop/field_reader.hpp"
#include "interop/json_line_parser.hpp"
#include "interop/jsonl.hpp"
#include "interop/line_reader.hpp"
#include "interop/record_json.hpp"

namespace buyalign::interop {
namespace {

using core::Result;
using core::Status;
using storage::RecordBatch;
using storage::Sourced;

// How often (in lines) progress is reported: often enough for a smooth bar, rarely enough to
// cost nothing.
constexpr int64_t kProgressEveryLines = 16 * 1024;

constexpr std::array<std::string_view, 12> kTypeNames{
    "team",   "user",     "account", "contact",       "opportunity", "dmu_member",
    "signal", "activity", "content", "content_share", "outcome",     "stage_change"};

bool IsBlank(const Line& line) {
  return std::all_of(line.data, line.data + line.size,
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

// Decodes one record and appends it with its line, or returns the decoder's error with the line.
template <class T>
Status Append(Result<T> decoded, int64_t line, std::vector<Sourced<T>>& into) {
  if (!decoded) {
    core::Error error = std::move(decoded.error());
    error.line = line;
    return core::Fail(std::move(error));
  }
  into.push_back(Sourced<T>{std::move(*decoded), line});
  return {};
}

// Dispatches one parsed line on its "type" and decodes it into the batch.
class RecordDispatcher {
 public:
  RecordDispatcher(const methodology::Methodology& methodology, RecordBatch& batch)
      : methodology_(methodology), batch_(batch) {}

  Status Dispatch(const rapidjson::Value& object, int64_t line) {
    auto fail = [line](std::string message, std::string field) {
      core::Error error = core::Error::Invalid(std::move(message), std::move(field));
      error.line = line;
      return core::Fail(std::move(error));
    };
    if (!object.IsObject()) {
      return fail("expected a JSON object, got " + std::string(JsonTypeName(object)), "");
    }
    std::string type;  // short enough to stay in the string's inline buffer
    FieldReader type_reader(object, DecodeMode::kFull);
    type_reader.Text("type", type, Presence::kRequired);
    if (!type_reader.ok()) {
      core::Error error = type_reader.TakeError();
      return fail(std::move(error.message), std::move(error.field));
    }
    constexpr auto kFull = DecodeMode::kFull;
    const auto& m = methodology_;
    // Most frequent first: a bulk file is mostly signals and activities.
    if (type == "signal") {
      auto decoded = DecodeSignal(object, kFull, m);
      if (decoded && decoded->id.empty()) decoded->id = DerivedSignalId(*decoded);
      return Append(std::move(decoded), line, batch_.signals);
    }
    if (type == "activity") {
      auto decoded = DecodeActivity(object, kFull, m);
      if (decoded && decoded->id.empty()) decoded->id = DerivedActivityId(*decoded);
      return Append(std::move(decoded), line, batch_.activities);
    }
    if (type == "dmu_member")
      return Append(DecodeDmuMember(object, kFull), line, batch_.dmu_members);
    if (type == "contact") return Append(DecodeContact(object, kFull), line, batch_.contacts);
    if (type == "content_share") {
      return Append(DecodeContentShare(object, kFull), line, batch_.content_shares);
    }
    if (type == "opportunity") {
      return Append(DecodeOpportunity(object, kFull), line, batch_.opportunities);
    }
    if (type == "account") return Append(DecodeAccount(object, kFull), line, batch_.accounts);
    if (type == "outcome") return Append(DecodeOutcome(object, kFull), line, batch_.outcomes);
    if (type == "content") return Append(DecodeContent(object, kFull, m), line, batch_.content);
    if (type == "user") return Append(DecodeUser(object, kFull), line, batch_.users);
    if (type == "team") return Append(DecodeTeam(object, kFull), line, batch_.teams);
    if (type == "stage_change") {
      return Append(DecodeStageChange(object, kFull), line, batch_.stage_changes);
    }

    std::string message = "unknown type \"" + type + "\": expected ";
    message += core::JoinNames(kTypeNames);
    return fail(std::move(message), "type");
  }

 private:
  const methodology::Methodology& methodology_;
  RecordBatch& batch_;
};

// Grows the batch's vectors once, to the size the whole file will need, instead of doubling
// them all the way (each doubling moves every record and touches fresh pages: a third of the
// read time on a 200k-record file). The size is extrapolated from the mix of types in the first
// part of the file; a wrong guess only means the usual doubling resumes.
class BatchReserver {
 public:
  explicit BatchReserver(size_t total_bytes) : total_bytes_(total_bytes) {}

  void MaybeReserve(RecordBatch& batch, size_t bytes_consumed) {
    if (done_ || total_bytes_ == 0 || bytes_consumed < kSampleBytes) return;
    done_ = true;
    // 10% headroom: the rest of the file rarely has exactly the sample's mix.
    double scale = 1.1 * static_cast<double>(total_bytes_) / static_cast<double>(bytes_consumed);
    auto grow = [scale](auto& records) {
      records.reserve(static_cast<size_t>(static_cast<double>(records.size()) * scale));
    };
    grow(batch.teams);
    grow(batch.users);
    grow(batch.accounts);
    grow(batch.contacts);
    grow(batch.content);
    grow(batch.opportunities);
    grow(batch.dmu_members);
    grow(batch.signals);
    grow(batch.activities);
    grow(batch.content_shares);
    grow(batch.outcomes);
    grow(batch.stage_changes);
  }

 private:
  static constexpr size_t kSampleBytes = 1 << 20;
  size_t total_bytes_;
  bool done_ = false;
};

// The spec lets a user name its team without a team record: create the team (named by its id)
// for every team id no "team" line of the file defines.
void AddImpliedTeams(RecordBatch& batch) {
  std::unordered_set<std::string> defined;
  for (const auto& team : batch.teams) defined.insert(team.record.id);
  for (const auto& user : batch.users) {
    const std::string& id = user.record.team;
    if (id.empty() || !defined.insert(id).second) continue;
    batch.teams.push_back(Sourced<domain::Team>{domain::Team{id, id}, user.line});
  }
}

}  // namespace

Result<RecordBatch> ReadJsonLines(std::istream& in, const methodology::Methodology& methodology,
                                  const JsonLinesLimits& limits,
                                  const storage::ProgressFn& progress, size_t total_bytes) {
  RecordBatch batch;
  LineReader lines(in, limits.max_line_bytes);
  JsonLineParser parser(limits.max_depth);
  RecordDispatcher dispatcher(methodology, batch);
  BatchReserver reserver(total_bytes);
  Line line;
  for (;;) {
    auto more = lines.Next(line);
    if (!more) return core::Fail(std::move(more.error()));
    if (!*more) break;
    if (line.number % kProgressEveryLines == 0) {
      if (progress) progress(lines.bytes_consumed(), total_bytes);
    }
    reserver.MaybeReserve(batch, lines.bytes_consumed());
    if (IsBlank(line)) continue;
    auto parsed = parser.Parse(line.data, line.size);
    if (!parsed) {
      core::Error error = std::move(parsed.error());
      error.line = line.number;
      return core::Fail(std::move(error));
    }
    if (auto status = dispatcher.Dispatch(**parsed, line.number); !status) {
      return core::Fail(std::move(status.error()));
    }
  }
  AddImpliedTeams(batch);
  if (progress) progress(lines.bytes_consumed(), total_bytes);
  return batch;
}

}  // namespace buyalign::interop
