#include "demo/story_kit.hpp"

#include "demo/buying_profile.hpp"

namespace buyalign::demo {

void StoryKit::Member(std::string contact_id, domain::DmuRole role, double influence,
                      domain::Stance stance) {
  batch_.Add(domain::DmuMember{.opportunity_id = opportunity_id_,
                               .contact_id = std::move(contact_id),
                               .role = role,
                               .influence = influence,
                               .stance = stance});
}

void StoryKit::Signal(std::string contact_id, std::string kind, int64_t days_ago, int hour,
                      std::string note) {
  const domain::SignalSource source = TypicalSource(kind);
  batch_.Add(domain::Signal{.opportunity_id = opportunity_id_,
                            .contact_id = std::move(contact_id),
                            .kind = std::move(kind),
                            .at = At(days_ago, hour),
                            .source = source,
                            .note = std::move(note)});
}

void StoryKit::Assessed(std::string contact_id, std::string stage, int64_t days_ago, int hour) {
  batch_.Add(domain::Signal{.opportunity_id = opportunity_id_,
                            .contact_id = std::move(contact_id),
                            .kind = "stage_assessed",
                            .at = At(days_ago, hour),
                            .source = domain::SignalSource::kRepAssessment,
                            .stage = std::move(stage)});
}

void StoryKit::Engaged(std::string contact_id, std::string content_id, int64_t days_ago, int hour) {
  batch_.Add(domain::Signal{.opportunity_id = opportunity_id_,
                            .contact_id = std::move(contact_id),
                            .kind = "content_engaged",
                            .at = At(days_ago, hour),
                            .source = domain::SignalSource::kContent,
                            .content_id = std::move(content_id)});
}

void StoryKit::Activity(std::vector<std::string> contact_ids, std::string kind, int64_t days_ago,
                        int hour, int minutes, std::string note) {
  batch_.Add(domain::Activity{.opportunity_id = opportunity_id_,
                              .contact_ids = std::move(contact_ids),
                              .kind = std::move(kind),
                              .at = At(days_ago, hour),
                              .duration_min = minutes,
                              .owner = owner_,
                              .note = std::move(note)});
}

void StoryKit::Share(std::string contact_id, std::string content_id, int64_t days_ago, int hour,
                     bool engaged) {
  batch_.Add(domain::ContentShare{.content_id = std::move(content_id),
                                  .opportunity_id = opportunity_id_,
                                  .contact_id = std::move(contact_id),
                                  .at = At(days_ago, hour),
                                  .engaged = engaged});
}

}  // namespace buyalign::demo
