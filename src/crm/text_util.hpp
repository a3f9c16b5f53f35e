#pragma once

#include <string>
#include <string_view>

// Small text helpers shared by the CRM readers. ASCII case rules only: CRM vocabularies
// (stage names, roles, headers) are ASCII; other bytes are compared as they are.
namespace buyalign::crm {

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool ContainsIgnoreCase(std::string_view text, std::string_view part);
std::string ToLower(std::string_view text);
// Without leading and trailing spaces, tabs, CR and LF.
std::string_view Trim(std::string_view text);
// A stable id fragment from a name: ASCII letters and digits lowercased, every run of other
// ASCII characters one '-', non-ASCII bytes kept (so "Müller GmbH" -> "müller-gmbh").
std::string Slug(std::string_view text);

}  // namespace buyalign::crm
