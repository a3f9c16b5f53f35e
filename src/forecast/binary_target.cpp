#include "forecast/binary_target.hpp"

#include <set>
#include <string>

#include "forecast/cell_parse.hpp"

namespace buyalign::forecast {

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
  std::set<std::string_view> seen;
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
    if (seen.size() < 50) seen.insert(value);
    labels[row] = value == wanted ? 1.0f : 0.0f;
    positives += value == wanted ? 1 : 0;
  }
  if (positives == 0) {
    std::string values;
    for (std::string_view value : seen) {
      if (values.size() > 60) break;
      values += (values.empty() ? "\"" : ", \"") + std::string(value) + "\"";
    }
    return core::Fail(Error::Invalid("the positive value \"" + std::string(wanted) +
                                         "\" never occurs in target column \"" + name +
                                         "\" (it holds " + values + ")",
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
