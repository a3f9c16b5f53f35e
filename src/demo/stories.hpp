#pragma once

#include <array>
#include <string_view>

#include "demo/business_calendar.hpp"
#include "demo/demo_batch.hpp"

// The four stories the product grew from (../shared/PRODUCT.md, "The demo"), told by hand. Each
// adds its account, contacts, opportunity, DMU, signals, activities and content shares.
namespace buyalign::demo {

inline constexpr std::string_view kLogisticsStory = "opp-janssens-routeplanning";
inline constexpr std::string_view kShowroomStory = "opp-vandamme-kitchen";
inline constexpr std::string_view kTechnologyStory = "opp-nexivo-field-service";
inline constexpr std::string_view kNegotiationStory = "opp-mercier-handhelds";

struct StoryRef {
  std::string_view opportunity_id;
  std::string_view summary;
};

inline constexpr std::array<StoryRef, 4> kStories{{
    {kLogisticsStory, "logistics: ops manager ahead, managing director lagging, quote just sent"},
    {kShowroomStory, "kitchen showroom: quote now or book a second visit?"},
    {kTechnologyStory, "technology account: passed from contact to contact, no economic buyer"},
    {kNegotiationStory, "negotiation: procurement pushes on price before SLAs are settled"},
}};

// Transport Janssens (23 lorries): Thomas compares route-planning vendors on ROI and price.
void AddLogisticsStory(DemoBatch& batch, const BusinessCalendar& calendar);
// A walk-in couple at a kitchen showroom asked for a price on their first visit.
void AddShowroomStory(DemoBatch& batch, const BusinessCalendar& calendar);
// Nexivo Software: each contact passes the rep on to the next; nobody says who signs.
void AddTechnologyStory(DemoBatch& batch, const BusinessCalendar& calendar);
// Groupe Mercier: procurement asks for a discount while IT is still evaluating.
void AddNegotiationStory(DemoBatch& batch, const BusinessCalendar& calendar);

}  // namespace buyalign::demo
