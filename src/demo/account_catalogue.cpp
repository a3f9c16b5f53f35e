#include "demo/account_catalogue.hpp"

#include <array>

namespace buyalign::demo {
namespace {

constexpr AccountSeed kAccounts[] = {
    {"bouwgroep-verstraete", "Bouwgroep Verstraete", "construction", "BE", "mid_market", 240},
    {"holland-fresh", "Holland Fresh Logistics", "logistics", "NL", "enterprise", 1500},
    {"transports-girard", "Transports Girard", "logistics", "FR", "mid_market", 280},
    {"spedition-weber", "Spedition Weber", "logistics", "DE", "mid_market", 350},
    {"brouwerij-de-kroon", "Brouwerij De Kroon", "food_beverage", "BE", "smb", 45},
    {"van-dijk-bouw", "Van Dijk Bouw", "construction", "NL", "mid_market", 260},
    {"laiterie-fontaine", "Laiterie Fontaine", "food_beverage", "FR", "mid_market", 390},
    {"hoffmann-maschinenbau", "Hoffmann Maschinenbau", "manufacturing", "DE", "enterprise", 1400},
    {"vandersmissen-logistics", "Vandersmissen Logistics", "logistics", "BE", "mid_market", 310},
    {"brightwave-software", "Brightwave Software", "technology", "NL", "mid_market", 140},
    {"groupe-bernard-sante", "Groupe Bernard Sante", "healthcare", "FR", "enterprise", 2600},
    {"klinikum-rheinland", "Klinikum Rheinland", "healthcare", "DE", "enterprise", 3800},
    {"zorgnet-sint-lucas", "Zorgnet Sint-Lucas", "healthcare", "BE", "enterprise", 2400},
    {"noordzee-offshore", "Noordzee Offshore Services", "energy", "NL", "enterprise", 2100},
    {"menuiserie-rousseau", "Menuiserie Rousseau", "construction", "FR", "smb", 32},
    {"brauerei-koch", "Brauerei Koch", "food_beverage", "DE", "smb", 65},
    {"mechelse-metaalwerken", "Mechelse Metaalwerken", "manufacturing", "BE", "mid_market", 180},
    {"bakkerij-meijer", "Bakkerij Meijer", "food_beverage", "NL", "smb", 55},
    {"novalia-logiciels", "Novalia Logiciels", "technology", "FR", "mid_market", 190},
    {"datenwerk-systems", "Datenwerk Systems", "technology", "DE", "mid_market", 260},
    {"de-witte-foods", "De Witte Foods", "food_beverage", "BE", "enterprise", 950},
    {"medisch-centrum-oost", "Medisch Centrum Oost", "healthcare", "NL", "enterprise", 3100},
    {"energies-du-sud", "Energies du Sud", "energy", "FR", "enterprise", 1700},
    {"stadtwerke-neustadt", "Stadtwerke Neustadt", "energy", "DE", "mid_market", 480},
    {"lumen-energie", "Lumen Energie", "energy", "BE", "mid_market", 400},
    {"de-groot-techniek", "De Groot Techniek", "manufacturing", "NL", "mid_market", 170},
    {"maison-leroy", "Maison Leroy", "retail", "FR", "smb", 48},
    {"fischer-bau", "Fischer Bau", "construction", "DE", "mid_market", 290},
    {"gent-port-services", "Gent Port Services", "logistics", "BE", "enterprise", 1200},
    {"fietsfabriek-utrecht", "Fietsfabriek Utrecht", "manufacturing", "NL", "smb", 70},
    {"mecanique-moreau", "Mecanique Moreau", "manufacturing", "FR", "mid_market", 230},
    {"richter-grosshandel", "Richter Grosshandel", "wholesale", "DE", "mid_market", 210},
    {"atelier-lambert", "Atelier Lambert", "manufacturing", "BE", "smb", 28},
    {"visser-wonen", "Visser Wonen", "retail", "NL", "mid_market", 320},
    {"cave-cooperative-du-val", "Cave Cooperative du Val", "agriculture", "FR", "smb", 40},
    {"moebelhaus-wolf", "Moebelhaus Wolf", "retail", "DE", "smb", 80},
    {"cobalt-it-services", "Cobalt IT Services", "technology", "BE", "smb", 60},
    {"polder-agri", "Polder Agri Coop", "agriculture", "NL", "mid_market", 210},
    {"hexa-batiment", "Hexa Batiment", "construction", "FR", "enterprise", 1100},
    {"schulz-elektrotechnik", "Schulz Elektrotechnik", "manufacturing", "DE", "smb", 55},
    {"distribution-dupont", "Distribution Dupont", "wholesale", "BE", "mid_market", 220},
    {"peeters-installatie", "Peeters Installatietechniek", "construction", "BE", "smb", 35},
};

struct IndustryProducts {
  std::string_view industry;
  std::array<std::string_view, 3> products;
};

constexpr IndustryProducts kProducts[] = {
    {"logistics", {"Route planning", "Fleet telematics", "Warehouse scanning"}},
    {"construction", {"Site planning", "Equipment tracking", "Field service scheduling"}},
    {"food_beverage", {"Production planning", "Cold chain monitoring", "Delivery route planning"}},
    {"manufacturing", {"Field service scheduling", "Spare parts portal", "Production planning"}},
    {"technology", {"Customer support platform", "Field service scheduling", "Partner portal"}},
    {"healthcare", {"Staff scheduling", "Patient transport planning", "Asset tracking"}},
    {"energy", {"Field workforce management", "Asset inspection app", "Fleet telematics"}},
    {"wholesale", {"Delivery route planning", "Order portal", "Warehouse scanning"}},
    {"retail", {"Home delivery planning", "Showroom configurator", "Store staff scheduling"}},
    {"agriculture", {"Harvest logistics planning", "Fleet telematics", "Order portal"}},
};

}  // namespace

std::span<const AccountSeed> FillerAccounts() { return kAccounts; }

std::span<const std::string_view> ProductsFor(std::string_view industry) {
  for (const IndustryProducts& entry : kProducts) {
    if (entry.industry == industry) return entry.products;
  }
  return kProducts[0].products;
}

}  // namespace buyalign::demo
