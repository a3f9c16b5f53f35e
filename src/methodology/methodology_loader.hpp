#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "methodology/methodology.hpp"

namespace buyalign::methodology {

// Builds a methodology from the text of a TOML document shaped like configs/methodology.toml.
// Every problem fails with kInvalidArgument whose message starts with the dotted key at fault
// ("signals.reports_pain.main_stage: unknown stage \"problem_recognised\""), `field` holding that
// key and `line` the document line when known. Unknown keys are errors too, so a typo never
// silently falls back to a default. `source_name` names the document in syntax errors.
core::Result<Methodology> ParseMethodology(std::string_view toml_text,
                                           std::string_view source_name = "methodology.toml");

// Reads and parses the file at `path`; a file that cannot be read fails with kInvalidArgument.
core::Result<Methodology> LoadMethodology(const std::string& path);

// The text of configs/methodology.toml as it was at build time.
std::string_view DefaultMethodologyToml();

}  // namespace buyalign::methodology
