// Keeping the events table in step with the mentions: after a batch of writes, the
// mentions near the new (and removed) ones are regrouped by deduplication and the events
// they touch are rewritten, in the batch's transaction.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dyad/event.h"
#include "store/database.h"

namespace dyad::store {

// The dyads (source country, target country) a batch wrote or removed grouped mentions
// in, with the days it touched in each.
class TouchedDyads {
 public:
  using Dyad = std::pair<std::string, std::string>;

  void add(const std::string& source_country, const std::string& target_country, int day);
  // An event that lost a mention (its document was re-coded): its row is recomputed.
  void add_removed_event(const std::string& event_id) { removed_events_.insert(event_id); }

  const std::map<Dyad, std::set<int>>& days() const { return days_; }
  const std::set<std::string>& removed_events() const { return removed_events_; }

 private:
  std::map<Dyad, std::set<int>> days_;
  std::set<std::string> removed_events_;
};

// Whether a mention takes part in events: an act reported as done. Negated, hypothetical
// and future acts are kept as mentions but never counted as events.
bool groupable(const Mention& mention);

// The touched days of one dyad as day ranges to regroup: each day widened by `reach` on
// both sides, overlapping ranges merged. A batch of reports spread over a year regroups a
// few days around each report, not the whole year.
std::vector<std::pair<int, int>> regroup_ranges(const std::set<int>& days, int reach);

// Regroups the mentions of each touched dyad within the dedup window of the touched days
// (include/dyad/dedup.h), updates their event ids and rewrites every event row whose
// mentions changed. Returns the number of event rows rewritten or removed.
Result<std::size_t> regroup_events(Database& db, const TouchedDyads& touched);

}  // namespace dyad::store
