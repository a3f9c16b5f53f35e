#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <unordered_set>

#include "storage/audit_log.hpp"
#include "storage/record_ops.hpp"
#include "storage/sql_store.hpp"

namespace buyalign::storage {

namespace {

using core::Fail;

// How often (in records) an import reports progress.
constexpr size_t kProgressEvery = 4096;

// The state of one import transaction.
struct ImportRun {
  SqlConnection& connection;
  RefResolver refs;
  const ProgressFn& progress;
  size_t done = 0;
  size_t total = 0;

  void Advance() {
    if (++done % kProgressEvery == 0 && progress) progress(done, total);
  }
};

core::Error AtLine(core::Error error, int64_t line) {
  error.line = line;
  return error;
}

// Upserts one type's records. Parents are imported before children, so every reference to a
// record of this batch resolves from memory (RefResolver::Remember) and the rest by one query.
// Into a table that was empty when the import began, a record whose key this batch has not
// written yet is certainly new, so the lookup of the stored row is skipped: that is most of a
// first import.
template <class R>
core::Status ImportRecords(ImportRun& run, const std::vector<Sourced<R>>& records,
                           ImportCount& count) {
  using M = Mapping<R>;
  const TableSpec& spec = M::Spec();
  if (records.empty()) return {};
  auto has_rows = TableHasRows(run.connection, spec);
  if (!has_rows) return Fail(has_rows.error());
  // Keys written by this batch, tracked while the table started empty. Records with an external
  // id are tracked by a view of that id (the batch outlives the import): no copy per record.
  std::unordered_set<std::string_view> written_ids;
  std::unordered_set<std::string> written_keys;
  if (!*has_rows)
    (kHasExternalId<R> ? written_ids.reserve(records.size())
                       : written_keys.reserve(records.size()));
  for (const Sourced<R>& sourced : records) {
    const R& record = sourced.record;
    if (auto ok = M::Validate(record); !ok) return Fail(AtLine(ok.error(), sourced.line));
    auto row = M::ToRow(record, run.refs);
    if (!row) return Fail(AtLine(row.error(), sourced.line));

    std::optional<StoredRow> existing;
    bool may_exist = *has_rows;
    if (!may_exist) {
      if constexpr (kHasExternalId<R>) {
        may_exist = !written_ids.insert(record.id).second;
      } else {
        may_exist = !written_keys.insert(spec.KeyString(*row)).second;
      }
    }
    if (may_exist) {
      auto found = FindRow(run.connection, spec, spec.KeyOf(*row));
      if (!found) return Fail(AtLine(found.error(), sourced.line));
      existing = std::move(*found);
    }

    int64_t id = 0;
    if (!existing) {
      auto inserted = InsertRow(run.connection, spec, *row);
      if (!inserted) return Fail(AtLine(inserted.error(), sourced.line));
      id = *inserted;
      if constexpr (std::is_same_v<R, domain::Activity>) {
        if (auto ok = WriteActivityLinks(run.connection, id, row->links, false); !ok) {
          return Fail(AtLine(ok.error(), sourced.line));
        }
      }
      ++count.created;
    } else {
      id = existing->id;
      bool same = existing->values == row->values;
      if constexpr (std::is_same_v<R, domain::Activity>) {
        if (same) {
          auto links = ReadActivityLinks(run.connection, id);
          if (!links) return Fail(AtLine(links.error(), sourced.line));
          same = *links == row->links;
        }
      }
      if (same) {
        ++count.unchanged;
      } else {
        if (auto ok = UpdateRow(run.connection, spec, id, *row); !ok) {
          return Fail(AtLine(ok.error(), sourced.line));
        }
        if constexpr (std::is_same_v<R, domain::Activity>) {
          if (auto ok = WriteActivityLinks(run.connection, id, row->links, true); !ok) {
            return Fail(AtLine(ok.error(), sourced.line));
          }
        }
        ++count.updated;
      }
    }
    if constexpr (M::kRefKind.has_value()) run.refs.Remember(*M::kRefKind, record.id, id);
    run.Advance();
  }
  return {};
}

template <class R>
core::Status ImportType(ImportRun& run, const std::vector<Sourced<R>>& records,
                        ImportSummary& summary) {
  summary.counts.emplace_back(std::string(Mapping<R>::kType), ImportCount{});
  return ImportRecords(run, records, summary.counts.back().second);
}

// The import's audit entry: {"account": {"created": 1, "updated": 0, "unchanged": 2}, ...} for
// the types the batch held.
std::string SummaryJson(const ImportSummary& summary) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  for (const auto& [type, count] : summary.counts) {
    if (count.created + count.updated + count.unchanged == 0) continue;
    writer.Key(type.data(), static_cast<rapidjson::SizeType>(type.size()));
    writer.StartObject();
    writer.Key("created");
    writer.Int64(count.created);
    writer.Key("updated");
    writer.Int64(count.updated);
    writer.Key("unchanged");
    writer.Int64(count.unchanged);
    writer.EndObject();
  }
  writer.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace

size_t RecordBatch::size() const {
  return teams.size() + users.size() + accounts.size() + contacts.size() + content.size() +
         opportunities.size() + dmu_members.size() + signals.size() + activities.size() +
         content_shares.size() + outcomes.size() + stage_changes.size();
}

Result<ImportSummary> SqlStore::Import(const RecordBatch& batch, const ProgressFn& progress,
                                       const Actor& actor) {
  auto summary =
      pool_->Write<ImportSummary>([&](SqlConnection& connection) -> Result<ImportSummary> {
        ImportRun run{connection, RefResolver(connection), progress, 0, batch.size()};
        ImportSummary summary;
        // Dependency order: every type comes after the types it refers to.
        core::Status ok = ImportType(run, batch.teams, summary);
        if (!ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.users, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.accounts, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.contacts, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.content, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.opportunities, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.stage_changes, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.dmu_members, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.signals, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.activities, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.content_shares, summary); !ok) return Fail(ok.error());
        if (ok = ImportType(run, batch.outcomes, summary); !ok) return Fail(ok.error());
        if (ok = AppendAudit(connection, actor, {"import", "batch", "", "", SummaryJson(summary)});
            !ok) {
          return Fail(ok.error());
        }
        return summary;
      });
  if (summary && progress) progress(batch.size(), batch.size());
  return summary;
}

}  // namespace buyalign::storage
