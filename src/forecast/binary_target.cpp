#include "forecast/binary_target.hpp"

#include <set>
#include <string>

#include "forecast/cell_parse.hpp"

namespace buyalign::forecast {
namespace {

// "\"Lost\", \"Won\"": the values, quoted, in sorted order.
std::string Listed(const std::set<std::string_view>& values) {
  std::string out;
  for (std::string_view value : values) {
    out += (out.empty() ? "\"" : ", \"") + std::string(value) + "\"";
  }
  return out;
}

}  // namespace

core::Result<std::vector<float>> BinaryLabels(const Table& table, std::string_view target,
                                              std::string_view positive) {
  using core::Error;
  const std::string name(target);
  const auto column = table.Find(target);
  if (!column) {
    return core::Fail(
        Error::Invalid("target column \"" + name + "\" is not in " + table.source, name));
  }
  const std::string_view wanted = TrimCell(positive);
  std::vector<float> labels(table.rows());
  std::set<std::string_view> seen;  // every distinct value: more than two is an error anyway
  size_t positives = 0;
  for (size_t row = 0; row < table.rows(); ++row) {
    const std::string& cell = table.columns[*column][row];
    if (IsMissingCell(cell)) {
      Error error = Error::Invalid("target column \"" + name + "\" is empty on line " +
                                       std::to_string(table.lines[row]) + " of " + table.source,
                                   name);
      error.line = table.lines[row];
      return core::Fail(std::move(error));
    }
    const std::string_view value = TrimCell(cell);
    seen.insert(value);
    if (seen.size() > 2) {
      // "Positive versus the rest" would silently fold, say, open deals into losses.
      Error error = Error::Invalid("target column \"" + name + "\" has more than two values (" +
                                       Listed(seen) + "; the third appears on line " +
                                       std::to_string(table.lines[row]) + " of " + table.source +
                                       "): keep only the rows of the two outcomes to learn",
                                   name);
      error.line = table.lines[row];
      return core::Fail(std::move(error));
    }
    labels[row] = value == wanted ? 1.0f : 0.0f;
    positives += value == wanted ? 1 : 0;
  }
  if (positives == 0) {
    return core::Fail(Error::Invalid("the positive value \"" + std::string(wanted) +
                                         "\" never occurs in target column \"" + name +
                                         "\" (it holds " + Listed(seen) + ")",
                                     name));
  }
  if (positives == table.rows()) {
    return core::Fail(Error::Invalid("target column \"" + name + "\" holds a single value (\"" +
                                         std::string(wanted) +
                                         "\") in every row: there is nothing to learn",
                                     name));
  }
  return labels;
}

}  // namespace buyalign::forecast
