#include "crm/mapped_import.hpp"

#include <set>
#include <unordered_map>

#include "crm/known_ids.hpp"
#include "crm/mapped_records.hpp"
#include "crm/row_loop.hpp"
#include "crm/source_error.hpp"
#include "crm/text_util.hpp"

namespace buyalign::crm {
namespace {

IdKind KindOf(std::string_view record) {
  if (record == "team") return IdKind::kTeam;
  if (record == "user") return IdKind::kUser;
  if (record == "account") return IdKind::kAccount;
  if (record == "contact") return IdKind::kContact;
  return IdKind::kOpportunity;
}

// A field's spec with its columns found in the header.
struct BoundField {
  const FieldSpec* spec = nullptr;
  std::optional<size_t> column;
  std::vector<std::pair<std::string, size_t>> placeholders;  // "{name}" -> column
};

// The work of ReadMappedCsv: reads the sources in order into one batch, remembering every
// record's id and name for the references of later sources. Single use; not thread-safe.
class MappedReader {
 public:
  MappedReader(const CsvMapping& mapping, storage::Store* existing, FileProgress progress)
      : mapping_(mapping), known_(existing), progress_(std::move(progress)) {}

  core::Status ReadSource(const SourceSpec& source, CsvTable& table) {
    std::vector<BoundField> fields;
    std::set<size_t> used;
    for (const auto& spec : source.fields) {
      BoundField bound{&spec, std::nullopt, {}};
      if (!spec.column.empty()) {
        auto column = table.Require(spec.column);
        if (!column) return core::Fail(column.error());
        bound.column = *column;
        used.insert(*column);
      }
      for (size_t open = spec.template_text.find('{'); open != std::string::npos;
           open = spec.template_text.find('{', open + 1)) {
        size_t close = spec.template_text.find('}', open);
        if (close == std::string::npos) break;
        std::string name = spec.template_text.substr(open + 1, close - open - 1);
        auto column = table.Require(name);
        if (!column) return core::Fail(column.error());
        bound.placeholders.emplace_back("{" + name + "}", *column);
        used.insert(*column);
      }
      if (spec.scale != 1) {
        batch_.report.Note(table.name() + ": " + spec.column + " multiplied by " +
                           FormatNumber(spec.scale) + " for " + spec.field);
      }
      fields.push_back(std::move(bound));
    }
    std::vector<std::pair<size_t, const std::map<std::string, std::string>*>> normalise;
    for (const auto& [column_name, map] : source.normalise) {
      auto column = table.Require(column_name);
      if (!column) return core::Fail(column.error());
      normalise.emplace_back(*column, &map);
    }
    std::string unused;
    for (size_t i = 0; i < table.header().size(); ++i) {
      if (!used.count(i) && !table.header()[i].empty()) {
        unused += (unused.empty() ? "" : ", ") + table.header()[i];
      }
    }
    if (!unused.empty()) {
      batch_.report.Note(table.name() + " (" + source.record +
                         "): columns not imported: " + unused);
    }
    return ForEachRow(table, batch_.report, progress_, [&](CsvTable& row) -> core::Status {
      return ReadRow(source, fields, normalise, row);
    });
  }

  CrmBatch Take() { return std::move(batch_); }

 private:
  static std::string FormatNumber(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  core::Status ReadRow(
      const SourceSpec& source, const std::vector<BoundField>& fields,
      const std::vector<std::pair<size_t, const std::map<std::string, std::string>*>>& normalise,
      CsvTable& row) {
    cells_.assign(row.header().size(), std::string());
    for (size_t i = 0; i < cells_.size(); ++i) cells_[i] = row.Text(i);
    for (const auto& [column, map] : normalise) {
      auto it = map->find(cells_[column]);
      if (it == map->end()) continue;
      batch_.report.Value(ValueEvent::kNormalised, row.name(), row.header()[column], it->first,
                          it->second);
      cells_[column] = it->second;
    }
    MappedRow mapped;
    mapped.table = &row;
    for (const auto& field : fields) {
      auto text = FieldText(source, field, row);
      if (!text) return core::Fail(text.error());
      if (!*text) return {};  // skipped, and reported
      if (field.column) mapped.columns[field.spec->field] = *field.column;
      if (!(*text)->empty()) mapped.values[field.spec->field] = std::move(**text);
    }
    return AddRecord(source, mapped, row);
  }

  // The field's text; nullopt when the row is to be skipped (already reported).
  core::Result<std::optional<std::string>> FieldText(const SourceSpec& source,
                                                     const BoundField& field, CsvTable& row) {
    const FieldSpec& spec = *field.spec;
    std::string text;
    if (spec.value) {
      text = *spec.value;
    } else if (field.column) {
      text = cells_[*field.column];
    } else {
      text = spec.template_text;
      for (const auto& [placeholder, column] : field.placeholders) {
        for (size_t at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + cells_[column].size())) {
          text.replace(at, placeholder.size(), cells_[column]);
        }
      }
      text = std::string(Trim(text));
    }
    std::string label = spec.field + (spec.column.empty() ? "" : " (" + spec.column + ")");
    if (text.empty()) {
      if (spec.default_value) {
        batch_.report.Value(ValueEvent::kDefaulted, row.name(), label, "",
                            "default " + Quoted(*spec.default_value));
        text = *spec.default_value;
      } else {
        switch (spec.if_empty) {
          case MissingPolicy::kLeave:
            batch_.report.Value(ValueEvent::kDefaulted, row.name(), label, "", "left empty");
            return std::optional<std::string>(std::string());
          case MissingPolicy::kError:
            return core::Fail(Cell(row, field, "empty, and " + spec.field + " is required"));
          case MissingPolicy::kSkip:
            batch_.report.Skip(row.name(), row.line(), "empty " + label);
            return std::optional<std::string>();
          case MissingPolicy::kPlaceholder:
            batch_.report.Value(ValueEvent::kDefaulted, row.name(), label, "",
                                "placeholder " + source.placeholder_id);
            EnsurePlaceholder(source, row.line());
            return std::optional<std::string>(source.placeholder_id);
        }
      }
    }
    if (!spec.map.empty()) {
      auto it = spec.map.find(text);
      if (it != spec.map.end()) {
        text = it->second;
      } else if (spec.strict_map) {
        return core::Fail(Cell(row, field, "no mapping for " + Quoted(text)));
      } else {
        batch_.report.Value(ValueEvent::kUnmapped, row.name(), label, text, "kept as is");
      }
    }
    if (spec.scale != 1 || !spec.bands.empty()) {
      auto number = ParseDecimal(text);
      if (!number) return core::Fail(Cell(row, field, "cannot read number " + Quoted(text)));
      double scaled = *number * spec.scale;
      text = FormatNumber(scaled);
      for (const auto& band : spec.bands) {
        if (!band.below || scaled < *band.below) {
          text = band.value;
          break;
        }
      }
    }
    if (spec.slug) text = Slug(text);
    if (!spec.prefix.empty()) text = spec.prefix + text;
    if (!spec.ref.empty()) return Resolve(source, field, row, std::move(text));
    return std::optional<std::string>(std::move(text));
  }

  core::Result<std::optional<std::string>> Resolve(const SourceSpec& source,
                                                   const BoundField& field, CsvTable& row,
                                                   std::string text) {
    const FieldSpec& spec = *field.spec;
    size_t dot = spec.ref.find('.');
    std::string record = spec.ref.substr(0, dot);
    bool by_name = spec.ref.substr(dot + 1) == "name";
    if (by_name) {
      auto& names = names_[record];
      auto it = names.find(text);
      if (it != names.end()) return std::optional<std::string>(it->second);
    } else if (known_.Has(KindOf(record), text)) {
      return std::optional<std::string>(std::move(text));
    }
    std::string label = spec.field + (spec.column.empty() ? "" : " (" + spec.column + ")");
    switch (spec.if_missing) {
      case MissingPolicy::kLeave:
        batch_.report.Value(ValueEvent::kUnmapped, row.name(), label, text,
                            "no such " + record + ": left empty");
        return std::optional<std::string>(std::string());
      case MissingPolicy::kSkip:
        batch_.report.Skip(row.name(), row.line(), "no such " + record);
        return std::optional<std::string>();
      case MissingPolicy::kPlaceholder:
        batch_.report.Value(ValueEvent::kUnmapped, row.name(), label, text,
                            "placeholder " + source.placeholder_id);
        EnsurePlaceholder(source, row.line());
        return std::optional<std::string>(source.placeholder_id);
      case MissingPolicy::kError:
        break;
    }
    core::Error error = Cell(row, field,
                             "no " + record + (by_name ? " named " : " with id ") + Quoted(text) +
                                 " in this import" + (by_name ? "" : " or in the database"));
    error.code = core::ErrorCode::kUnknownReference;
    return core::Fail(std::move(error));
  }

  core::Error Cell(const CsvTable& row, const BoundField& field, std::string_view message) const {
    if (field.column) return row.CellError(*field.column, message);
    return row.RowError(field.spec->field + ": " + std::string(message));
  }

  void EnsurePlaceholder(const SourceSpec& source, int64_t line) {
    const FieldSpec* ref_field = nullptr;
    for (const auto& field : source.fields) {
      if (!field.ref.empty() && (field.if_empty == MissingPolicy::kPlaceholder ||
                                 field.if_missing == MissingPolicy::kPlaceholder)) {
        ref_field = &field;
      }
    }
    std::string record = ref_field->ref.substr(0, ref_field->ref.find('.'));
    if (!known_.Add(KindOf(record), source.placeholder_id)) return;
    names_[record][source.placeholder_name] = source.placeholder_id;
    if (record == "account") {
      domain::Account account;
      account.id = source.placeholder_id;
      account.name = source.placeholder_name;
      batch_.records.accounts.push_back({std::move(account), line});
    } else if (record == "user") {
      domain::User user;
      user.id = source.placeholder_id;
      user.name = source.placeholder_name;
      batch_.records.users.push_back({std::move(user), line});
    } else if (record == "team") {
      batch_.records.teams.push_back({{source.placeholder_id, source.placeholder_name}, line});
    }
    batch_.report.Note("placeholder " + record + " \"" + source.placeholder_id + "\" (" +
                       source.placeholder_name + ") created for rows without a usable " + record);
  }

  // Adds the record unless an identical one with its id is already there (then the row is
  // reported as merged); a different one with the same id fails.
  core::Status AddRecord(const SourceSpec& source, const MappedRow& mapped, CsvTable& row) {
    std::string fingerprint;
    for (const auto& [field, value] : mapped.values) fingerprint += field + "=" + value + "\n";
    std::string id(mapped.Get("id"));
    auto& seen = seen_[source.record];
    auto [it, inserted] = seen.try_emplace(id, fingerprint, row.line());
    if (!inserted) {
      if (it->second.first != fingerprint) {
        return core::Fail(mapped.Error("id", "a different " + source.record + " with id " +
                                                 Quoted(id) + " is on line " +
                                                 std::to_string(it->second.second)));
      }
      batch_.report.Skip(row.name(), row.line(),
                         "repeats the " + source.record + " of an earlier row (merged)");
      return {};
    }
    if (!known_.Add(KindOf(source.record), id)) {
      return core::Fail(mapped.Error("id", "the id " + Quoted(id) + " is used by a placeholder"));
    }
    if (std::string_view name = mapped.Get("name"); !name.empty()) {
      names_[source.record].emplace(std::string(name), id);
    }
    auto& records = batch_.records;
    int64_t line = row.line();
    if (source.record == "team") return Append(BuildTeam(mapped), records.teams, line);
    if (source.record == "user") return Append(BuildUser(mapped), records.users, line);
    if (source.record == "account") return Append(BuildAccount(mapped), records.accounts, line);
    if (source.record == "contact") return Append(BuildContact(mapped), records.contacts, line);
    auto opp = BuildOpportunity(mapped, mapping_.date_order);
    if (!opp) return core::Fail(opp.error());
    AddOutcome(*opp, row);
    return Append(std::move(opp), records.opportunities, line);
  }

  void AddOutcome(const domain::Opportunity& opp, const CsvTable& row) {
    if (opp.status == domain::OpportunityStatus::kOpen) return;
    std::optional<core::Timestamp> at = opp.created_at;
    if (opp.expected_close) at = core::Timestamp{*opp.expected_close};
    if (!at) {
      batch_.report.Value(ValueEvent::kDefaulted, row.name(), "outcome", "",
                          "closed without a date: no outcome record");
      return;
    }
    domain::Outcome outcome;
    outcome.opportunity_id = opp.id;
    outcome.status = opp.status;
    outcome.at = *at;
    outcome.amount = opp.amount;
    batch_.records.outcomes.push_back({std::move(outcome), row.line()});
  }

  template <class T>
  static core::Status Append(core::Result<T> record, std::vector<storage::Sourced<T>>& into,
                             int64_t line) {
    if (!record) return core::Fail(record.error());
    into.push_back({std::move(*record), line});
    return {};
  }

  const CsvMapping& mapping_;
  KnownIds known_;
  FileProgress progress_;
  CrmBatch batch_;
  std::vector<std::string> cells_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> names_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::pair<std::string, int64_t>>>
      seen_;
};

}  // namespace

core::Result<CrmBatch> ReadMappedCsv(const std::filesystem::path& input, const CsvMapping& mapping,
                                     storage::Store* existing, const ImportProgress& progress) {
  std::error_code ec;
  bool is_dir = std::filesystem::is_directory(input, ec);
  std::vector<std::filesystem::path> paths;
  size_t total = 0;
  for (const auto& source : mapping.sources) {
    std::filesystem::path path = input;
    if (is_dir) {
      if (source.file.empty()) {
        return core::Fail(core::Error::Invalid(
            input.string() + " is a directory: every source of the mapping needs a file"));
      }
      path = input / source.file;
    } else if (!source.file.empty() && mapping.sources.size() > 1) {
      return core::Fail(core::Error::Invalid(
          mapping.name + " reads several files: give the directory that holds them"));
    }
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return core::Fail(core::Error::NotFound(path.string() + ": cannot open the file"));
    total += size;
    paths.push_back(std::move(path));
  }
  MappedReader reader(mapping, existing, FileProgress(progress, total));
  for (size_t i = 0; i < mapping.sources.size(); ++i) {
    auto table = CsvTable::Open(paths[i]);
    if (!table) return core::Fail(table.error());
    if (auto read = reader.ReadSource(mapping.sources[i], *table); !read) {
      return core::Fail(read.error());
    }
  }
  return reader.Take();
}

core::Result<ImportReport> ImportMappedCsv(storage::Store& store,
                                           const std::filesystem::path& input,
                                           const CsvMapping& mapping,
                                           const ImportProgress& progress) {
  auto batch = ReadMappedCsv(input, mapping, &store, progress);
  if (!batch) return core::Fail(batch.error());
  return StoreCrmBatch(store, std::move(*batch), progress);
}

}  // namespace buyalign::crm
