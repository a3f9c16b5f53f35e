#include "demo/demo.hpp"

#include "demo/business_calendar.hpp"
#include "demo/content_library.hpp"
#include "demo/demo_batch.hpp"
#include "demo/filler.hpp"
#include "demo/organisation.hpp"
#include "demo/people.hpp"
#include "demo/rng.hpp"
#include "demo/stories.hpp"

namespace buyalign::demo {

storage::RecordBatch BuildDemo(const DemoOptions& options) {
  const BusinessCalendar calendar(options.today);
  DemoBatch batch;
  const Organisation organisation = AddOrganisation(batch);
  const ContentLibrary content = ContentLibrary::Add(batch);

  AddLogisticsStory(batch, calendar);
  AddShowroomStory(batch, calendar);
  AddTechnologyStory(batch, calendar);
  AddNegotiationStory(batch, calendar);

  People people;
  FillerWorld world{calendar, content, organisation, people};
  AddFiller(batch, Rng(options.seed), world);
  return std::move(batch).Take();
}

}  // namespace buyalign::demo
