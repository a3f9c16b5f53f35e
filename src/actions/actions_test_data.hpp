#pragma once

#include <string>
#include <vector>

#include "actions/content_picker.hpp"
#include "actions/next_action.hpp"
#include "actions/next_action_planner.hpp"
#include "actions/playbook_loader.hpp"
#include "engine/engine_test_data.hpp"
#include "engine/readiness_engine.hpp"

// Shared fixtures of the actions tests: the default engine and playbook, a small content library
// and lookups over recommendations. Days count from 5 January 2026 (engine_test_data.hpp).
namespace buyalign::actions::testdata {

using engine::testdata::DayAt;
using engine::testdata::MakeActivity;
using engine::testdata::MakeSignal;

inline const engine::ReadinessEngine& Engine() {
  static const engine::ReadinessEngine kEngine(methodology::Methodology::Default());
  return kEngine;
}

inline domain::ContentItem Item(std::string id, std::vector<std::string> stages,
                                std::vector<std::string> personas, std::string format = "guide",
                                std::vector<std::string> segments = {}) {
  domain::ContentItem item;
  item.title = "Title of " + id;
  item.url = "https://example.com/" + id;
  item.id = std::move(id);
  item.stages = std::move(stages);
  item.personas = std::move(personas);
  item.segments = std::move(segments);
  item.format = std::move(format);
  return item;
}

inline std::vector<domain::ContentItem> Library() {
  return {Item("k-roi", {"need_quantified", "business_case_approved"}, {"finance"}, "calculator"),
          Item("k-case", {"vendors_evaluated", "shortlist_selected"}, {}, "case_study"),
          Item("k-sla", {"terms_negotiated"}, {"procurement"}, "sla"),
          Item("k-cost", {"requirements_defined", "need_quantified"}, {"finance"}, "calculator")};
}

inline const ContentPicker& Picker() {
  static const ContentPicker kPicker(Library(), methodology::Methodology::Default());
  return kPicker;
}

inline const NextActionPlanner& Planner() {
  static const NextActionPlanner kPlanner(Engine(), DefaultPlaybook(), Picker());
  return kPlanner;
}

// The action answering `reason` (a friction kind or situation name), or null.
inline const NextAction* WithReason(const std::vector<NextAction>& actions,
                                    std::string_view reason) {
  for (const NextAction& a : actions) {
    if (a.reason.friction == reason) return &a;
  }
  return nullptr;
}

inline std::string Describe(const std::vector<NextAction>& actions) {
  std::string out;
  for (const NextAction& a : actions) {
    out += a.rule + ": " + a.contact_id + " " + a.activity + " (" + a.reason.friction + ", " +
           a.reason.stage + ") " + std::to_string(a.score) + "\n";
  }
  return out;
}

}  // namespace buyalign::actions::testdata
