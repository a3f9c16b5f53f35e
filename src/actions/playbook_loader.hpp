#pragma once

#include <string>
#include <string_view>

#include "actions/playbook.hpp"
#include "core/result.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::actions {

// Builds a playbook from the text of a TOML document shaped like configs/playbook.toml, checked
// against `methodology` (stage, signal and activity ids). Every problem fails with
// kInvalidArgument whose message starts with the dotted key at fault
// ("rules.map_the_dmu.activity: unknown activity \"demo_call\""), `field` holding that key and
// `line` the document line when known. Unknown keys are errors, so a typo never silently falls
// back to a default.
core::Result<Playbook> ParsePlaybook(std::string_view toml_text,
                                     const methodology::Methodology& methodology,
                                     std::string_view source_name = "playbook.toml");

// Reads and parses the file at `path`; a file that cannot be read fails with kInvalidArgument.
core::Result<Playbook> LoadPlaybook(const std::string& path,
                                    const methodology::Methodology& methodology);

// The text of configs/playbook.toml as it was at build time.
std::string_view DefaultPlaybookToml();

// The compiled-in playbook for the default methodology, parsed once. Throws std::runtime_error if
// the embedded copy does not parse (a build defect, caught by the tests).
const Playbook& DefaultPlaybook();

}  // namespace buyalign::actions
