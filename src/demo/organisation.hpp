#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_batch.hpp"

namespace buyalign::demo {

// The selling organisation of the demo: three teams (Benelux, France, DACH), each with a manager
// and reps (eight reps in all), plus an admin and a marketing user.
struct Organisation {
  // Rep user ids per team id.
  std::vector<std::pair<std::string, std::vector<std::string>>> reps_by_team;
  std::string marketing_user;

  // The team that sells to a country (BE/NL: benelux, FR: france, DE: dach).
  static std::string_view TeamFor(std::string_view country);
  const std::vector<std::string>& RepsOf(std::string_view team) const;
};

// Adds the teams and users to the batch.
Organisation AddOrganisation(DemoBatch& batch);

}  // namespace buyalign::demo
