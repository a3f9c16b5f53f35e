#include "demo/organisation.hpp"

namespace buyalign::demo {
namespace {

struct UserSeed {
  const char* id;
  const char* name;
  const char* email;
  domain::UserRole role;
  const char* team;
};

using domain::UserRole;

constexpr UserSeed kUsers[] = {
    {"u-ann", "Ann Peeters", "ann.peeters@buyalign.example", UserRole::kRep, "benelux"},
    {"u-pieter", "Pieter De Smet", "pieter.desmet@buyalign.example", UserRole::kRep, "benelux"},
    {"u-lotte", "Lotte van den Berg", "lotte.vandenberg@buyalign.example", UserRole::kRep,
     "benelux"},
    {"u-marc", "Marc Claes", "marc.claes@buyalign.example", UserRole::kManager, "benelux"},
    {"u-camille", "Camille Durand", "camille.durand@buyalign.example", UserRole::kRep, "france"},
    {"u-julien", "Julien Moreau", "julien.moreau@buyalign.example", UserRole::kRep, "france"},
    {"u-mathilde", "Mathilde Garnier", "mathilde.garnier@buyalign.example", UserRole::kRep,
     "france"},
    {"u-sophie", "Sophie Lefebvre", "sophie.lefebvre@buyalign.example", UserRole::kManager,
     "france"},
    {"u-jonas", "Jonas Becker", "jonas.becker@buyalign.example", UserRole::kRep, "dach"},
    {"u-lena", "Lena Hoffmann", "lena.hoffmann@buyalign.example", UserRole::kRep, "dach"},
    {"u-katrin", "Katrin Schneider", "katrin.schneider@buyalign.example", UserRole::kManager,
     "dach"},
    {"u-bart", "Bart Willems", "bart.willems@buyalign.example", UserRole::kAdmin, ""},
    {"u-nina", "Nina Vermeulen", "nina.vermeulen@buyalign.example", UserRole::kMarketing, ""},
};

}  // namespace

std::string_view Organisation::TeamFor(std::string_view country) {
  if (country == "FR") return "france";
  if (country == "DE") return "dach";
  return "benelux";
}

const std::vector<std::string>& Organisation::RepsOf(std::string_view team) const {
  for (const auto& [id, reps] : reps_by_team) {
    if (id == team) return reps;
  }
  return reps_by_team.front().second;
}

Organisation AddOrganisation(DemoBatch& batch) {
  batch.Add(domain::Team{.id = "benelux", .name = "Benelux"});
  batch.Add(domain::Team{.id = "france", .name = "France"});
  batch.Add(domain::Team{.id = "dach", .name = "DACH"});

  Organisation org;
  org.reps_by_team = {{"benelux", {}}, {"france", {}}, {"dach", {}}};
  for (const UserSeed& seed : kUsers) {
    batch.Add(domain::User{.id = seed.id,
                           .name = seed.name,
                           .email = seed.email,
                           .role = seed.role,
                           .team = seed.team});
    if (seed.role == UserRole::kRep) {
      for (auto& [team, reps] : org.reps_by_team) {
        if (team == seed.team) reps.push_back(seed.id);
      }
    }
    if (seed.role == UserRole::kMarketing) org.marketing_user = seed.id;
  }
  return org;
}

}  // namespace buyalign::demo
