#include "demo/people.hpp"

#include <array>
#include <vector>

namespace buyalign::demo {
namespace {

struct CountryNames {
  std::string_view country;
  std::vector<std::string_view> first;
  std::vector<std::string_view> last;
};

const std::vector<CountryNames>& Names() {
  static const std::vector<CountryNames> kNames{
      {"BE",
       {"Tom", "Sofie", "Wim", "Katrien", "Bram", "Elke", "Jeroen", "An", "Nathalie", "Olivier",
        "Julie", "Kevin", "Hanne", "Stijn", "Griet", "Dirk"},
       {"Peeters", "Maes", "Jacobs", "Mertens", "Willems", "Goossens", "Wouters", "De Smet",
        "Dubois", "Lambert", "Martens", "Verhoeven", "Hermans", "Claes", "Michiels", "Aerts"}},
      {"NL",
       {"Jan", "Sanne", "Daan", "Lisa", "Thijs", "Femke", "Ruben", "Anouk", "Bas", "Esther",
        "Joost", "Marloes", "Sven", "Iris", "Wouter", "Ilse"},
       {"de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Hendriks", "Dekker", "Brouwer"}},
      {"FR",
       {"Nicolas", "Claire", "Julien", "Camille", "Thomas", "Isabelle", "Antoine", "Aurelie",
        "Mathieu", "Celine", "Guillaume", "Emilie", "Francois", "Helene", "Pauline", "Yves"},
       {"Martin", "Bernard", "Dubois", "Petit", "Durand", "Leroy", "Simon", "Laurent", "Michel",
        "Fournier", "Girard", "Bonnet", "Lambert", "Fontaine", "Rousseau", "Blanc"}},
      {"DE",
       {"Stefan", "Julia", "Michael", "Katrin", "Andreas", "Sabine", "Tobias", "Anna", "Markus",
        "Nicole", "Florian", "Laura", "Jan", "Christina", "Matthias", "Petra"},
       {"Schneider", "Fischer", "Weber", "Becker", "Wagner", "Schulz", "Hoffmann", "Koch",
        "Richter", "Klein", "Wolf", "Neumann", "Schmitt", "Zimmermann", "Braun", "Krause"}},
  };
  return kNames;
}

struct Title {
  std::string_view title;
  std::string_view persona;
};

// Titles per DMU role, in the order of domain::kDmuRoleNames.
const std::array<std::vector<Title>, 11>& Titles() {
  static const std::array<std::vector<Title>, 11> kTitles{{
      {{"Managing Director", "executive"},
       {"CFO", "finance"},
       {"COO", "executive"},
       {"General Manager", "executive"}},
      {{"Operations Director", "operations"},
       {"Head of Operations", "operations"},
       {"VP Operations", "executive"}},
      {{"IT Manager", "it"}, {"Head of IT", "it"}, {"IT Architect", "it"}},
      {{"Planning Team Lead", "user"},
       {"Dispatcher", "user"},
       {"Customer Service Lead", "user"},
       {"Warehouse Supervisor", "user"}},
      {{"Project Manager", "operations"},
       {"Business Analyst", "operations"},
       {"Process Engineer", "operations"}},
      {{"Quality Manager", "operations"}, {"Sales Manager", "user"}, {"Controller", "finance"}},
      {{"CEO", "executive"}, {"Chief Digital Officer", "executive"}},
      {{"Purchasing Manager", "procurement"},
       {"Procurement Officer", "procurement"},
       {"Strategic Buyer", "procurement"}},
      {{"Legal Counsel", "legal"}, {"Contract Manager", "legal"}},
      {{"Operations Manager", "operations"},
       {"Process Improvement Lead", "operations"},
       {"Logistics Manager", "operations"}},
      {{"Office Manager", "user"}, {"Facility Manager", "operations"}, {"Accountant", "finance"}},
  }};
  return kTitles;
}

const CountryNames& NamesFor(std::string_view country) {
  for (const CountryNames& names : Names()) {
    if (names.country == country) return names;
  }
  return Names().front();
}

// "van Dijk" -> "vandijk", for the local part of an e-mail address.
std::string EmailPart(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-') continue;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

}  // namespace

std::string Slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') {
      out += '-';
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return out;
}

domain::Contact People::NewContact(Rng& rng, DemoBatch& batch, std::string_view account_slug,
                                   std::string_view country, domain::DmuRole role) {
  const CountryNames& names = NamesFor(country);
  std::string first, last, id;
  // 256 names per country and at most a dozen contacts per account: a free name comes quickly.
  // The numbered fallback keeps the id unique even if it does not.
  for (int attempt = 0;; ++attempt) {
    first = rng.Pick(names.first);
    last = rng.Pick(names.last);
    id = "c-" + std::string(account_slug) + "-" + Slug(first) + "-" + Slug(last);
    if (attempt >= 50) id += "-" + std::to_string(attempt);
    if (used_ids_.insert(id).second) break;
  }
  const Title& title = rng.Pick(Titles()[static_cast<size_t>(role)]);
  domain::Contact contact{
      .id = id,
      .account_id = "acc-" + std::string(account_slug),
      .name = first + " " + last,
      .title = std::string(title.title),
      .email =
          EmailPart(first) + "." + EmailPart(last) + "@" + std::string(account_slug) + ".example",
      .persona = std::string(title.persona),
  };
  batch.Add(contact);
  return contact;
}

}  // namespace buyalign::demo
