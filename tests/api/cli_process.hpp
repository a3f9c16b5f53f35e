#pragma once

#include <string>
#include <vector>

namespace buyalign::api_test {

struct CliResult {
  int exit_code = -1;  // -1 when the process did not exit normally
  std::string output;  // stdout and stderr, interleaved
};

// Runs the real `buyalign` binary with `args` (after the program name) to completion.
CliResult RunCli(const std::vector<std::string>& args);

}  // namespace buyalign::api_test
