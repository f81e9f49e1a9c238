// Keeping the events table in step with the mentions. A batch's new mentions are grouped
// with the stored mentions near them before they are written, so each new mention is
// inserted with its event id, only stored mentions whose event changed are updated, and an
// event made only of mentions at hand is written without reading the table back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "dyad/dedup.h"
#include "dyad/event.h"
#include "store/database.h"

namespace dyad::store {

// A dyad without direction: its two countries in order. Talks "A and B held" may be
// coded either way, so both directions of a dyad are regrouped together.
using DyadKey = std::pair<std::string, std::string>;
DyadKey dyad_key(const std::string& source_country, const std::string& target_country);

// What a batch removed from the grouped mentions (documents re-coded): the days of each
// dyad it removed mentions from, and the events that lost them.
class Removals {
 public:
  void add(const std::string& source_country, const std::string& target_country, int day,
           const std::string& event_id);

  const std::map<DyadKey, std::set<int>>& days() const { return days_; }
  const std::set<std::string>& events() const { return events_; }

 private:
  std::map<DyadKey, std::set<int>> days_;
  std::set<std::string> events_;
};

// Whether a mention takes part in events: an act reported as done. Negated, hypothetical
// and future acts are kept as mentions but never counted as events.
bool groupable(const Mention& mention);

// The days to load around a dyad's changed days: from 2 * window_days before each (the
// events still open there) to `after` days past it, overlapping stretches merged. A batch of
// reports spread over a year loads a few days around each report, not the whole year.
std::vector<std::pair<int, int>> regroup_ranges(const std::set<int>& days, int before, int after);

// What an event row is computed from, for one of its mentions.
struct EventMember {
  std::string document_id;
  std::int64_t ordinal = 0;
  std::int64_t document_key = 0;  // documents.key: how the mention's row is found
  std::string source, target, source_country, target_country, code, root;
  std::int64_t quad_class = 0;
  double goldstein = 0;
  std::int64_t event_day = 0, seen_day = 0;
  std::string place, outlet;
};

// A groupable mention of the batch being written, not stored yet.
struct BatchMention {
  DedupMention dedup;  // id "<document id>-<ordinal>", text: its sentence
  EventMember member;
};

// The outcome of grouping a batch: the event of each new mention, and the event rows to
// write once the new mentions are stored.
struct BatchGrouping {
  // The event of each mention of the batch, by its place in the batch.
  std::vector<std::string> event_of;
  // Events that existed before the batch (or lost mentions): recomputed from the table.
  std::set<std::string> stored_events;
  // Events first made by this batch, with all their members: the batch's own, and copies
  // (in `kept`) of the stored mentions that moved into them.
  std::map<std::string, std::vector<const EventMember*>> new_events;
  std::deque<EventMember> kept;
};

// Groups the batch's new mentions (every groupable one) with the stored mentions near them
// (regroup_events in include/dyad/dedup.h), and updates the stored mentions whose event
// changed. The events are those a grouping of all mentions at once would give.
Result<BatchGrouping> group_batch(Database& db, const Removals& removals, std::span<const BatchMention> batch);

// Writes the event rows a grouping changed, after the new mentions are stored. Returns the
// number of event rows written or removed.
Result<std::size_t> write_events(Database& db, const BatchGrouping& grouping);

}  // namespace dyad::store
