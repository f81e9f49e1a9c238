// Events from mentions. Deduplication is a pure function of a set of mentions
// (include/dyad/dedup.h); this file feeds it the stored neighbourhood of each batch and
// writes back what changed. Only the neighbourhood is regrouped, so a batch costs the same
// whether the store holds a thousand mentions or ten million.
#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "dyad/dedup.h"
#include "store/events.h"

namespace dyad::store {

DyadKey dyad_key(const std::string& source_country, const std::string& target_country) {
  return source_country < target_country ? DyadKey{source_country, target_country}
                                         : DyadKey{target_country, source_country};
}

void Removals::add(const std::string& source_country, const std::string& target_country, int day,
                   const std::string& event_id) {
  days_[dyad_key(source_country, target_country)].insert(day);
  events_.insert(event_id);
}

std::vector<std::pair<int, int>> regroup_ranges(const std::set<int>& days, int before, int after) {
  std::vector<std::pair<int, int>> ranges;
  for (const int day : days) {
    if (!ranges.empty() && day - before <= ranges.back().second) {
      ranges.back().second = day + after;
    } else {
      ranges.emplace_back(day - before, day + after);
    }
  }
  return ranges;
}

bool groupable(const Mention& m) { return !m.context.negated && !m.context.hypothetical && !m.context.future; }

namespace {

std::string mention_id(const std::string& document_id, std::int64_t ordinal) {
  return document_id + "-" + std::to_string(ordinal);
}

// The stored mentions of one dyad (both directions) between two days that take part in
// events, with the events they hold.
struct Neighbourhood {
  std::vector<DedupMention> mentions;
  std::unordered_map<std::string, std::string> events;   // mention id -> event id
  std::unordered_map<std::string, EventMember> members;  // mention id -> its event fields
};

Status load_direction(Database& db, const std::string& source_country, const std::string& target_country,
                      int first_day, int last_day, Neighbourhood& n) {
  const SqlValue p[] = {std::string_view(source_country), std::string_view(target_country), std::int64_t{first_day},
                        std::int64_t{last_day}};
  return db.query(
      "SELECT d.id, m.ordinal, m.source, m.target, m.code, m.event_day, m.place, d.outlet, s.text,"
      " m.event_id, m.root, m.quad_class, m.goldstein, m.report_day, m.document_key"
      " FROM mentions m JOIN documents d ON d.key = m.document_key"
      " LEFT JOIN sentences s ON s.document_key = m.document_key AND s.idx = m.sentence_index"
      " WHERE m.source_country = ? AND m.target_country = ? AND m.event_day BETWEEN ? AND ?"
      " AND m.negated = 0 AND m.hypothetical = 0 AND m.future = 0",
      p, [&](const Row& r) {
        DedupMention m;
        m.document_id = r.text(0);
        m.id = mention_id(m.document_id, r.integer(1));
        m.source = r.text(2);
        m.target = r.text(3);
        m.code = r.text(4);
        m.day = static_cast<int>(r.integer(5));
        m.place = r.text(6);
        m.outlet = r.text(7);
        m.text = r.text(8);
        if (!r.is_null(9)) n.events[m.id] = r.text(9);
        n.members[m.id] = EventMember{m.document_id,   r.integer(1), r.integer(14), m.source,      m.target,
                                      source_country,  target_country, m.code,     r.text(10),    r.integer(11),
                                      r.real(12),      r.integer(5), r.is_null(13) ? r.integer(5) : r.integer(13),
                                      m.place,         m.outlet};
        n.mentions.push_back(std::move(m));
      });
}

Result<Neighbourhood> load_stored(Database& db, const DyadKey& dyad, int first_day, int last_day) {
  Neighbourhood n;
  if (auto s = load_direction(db, dyad.first, dyad.second, first_day, last_day, n); !s) return s.error();
  if (dyad.first != dyad.second) {
    if (auto s = load_direction(db, dyad.second, dyad.first, first_day, last_day, n); !s) return s.error();
  }
  return n;
}

// The representative mention: the one carrying the code most mentions agree on (ties: the
// lower code), earliest first. Most reports get the act right; the odd one does not decide.
const EventMember& representative(const std::vector<const EventMember*>& members) {
  std::map<std::string, int> votes;
  for (const EventMember* m : members) ++votes[m->code];
  const auto best = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
    return a.second < b.second;  // max_element keeps the first (lowest code) of equal counts
  });
  const EventMember* chosen = nullptr;
  for (const EventMember* m : members) {
    if (m->code != best->first) continue;
    if (!chosen || std::tie(m->event_day, m->document_id, m->ordinal) <
                       std::tie(chosen->event_day, chosen->document_id, chosen->ordinal)) {
      chosen = m;
    }
  }
  return *chosen;
}

constexpr const char* kInsertEvent =
    "INSERT INTO events (id, document_id, ordinal, source, source_country, target, target_country, code, root,"
    " quad_class, goldstein, event_day, place, num_mentions, num_sources, first_seen_day, last_seen_day)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

// Writes one event row from all of its members: inserted, or (with `replace`) inserted or
// updated in place. Returns the rows changed: 0 when the row existed and `replace` is off.
Result<std::int64_t> put_event(Database& db, const std::string& event_id,
                               const std::vector<const EventMember*>& members, bool replace) {
  const EventMember& rep = representative(members);
  std::set<std::string> sources;
  std::int64_t event_day = rep.event_day, first_seen = rep.seen_day, last_seen = rep.seen_day;
  for (const EventMember* m : members) {
    // A document without an outlet counts as a source of its own.
    sources.insert(m->outlet.empty() ? "doc:" + m->document_id : m->outlet);
    event_day = std::min(event_day, m->event_day);
    first_seen = std::min(first_seen, m->seen_day);
    last_seen = std::max(last_seen, m->seen_day);
  }
  const SqlValue row[] = {std::string_view(event_id),
                          std::string_view(rep.document_id),
                          rep.ordinal,
                          std::string_view(rep.source),
                          std::string_view(rep.source_country),
                          std::string_view(rep.target),
                          std::string_view(rep.target_country),
                          std::string_view(rep.code),
                          std::string_view(rep.root),
                          rep.quad_class,
                          rep.goldstein,
                          event_day,
                          std::string_view(rep.place),
                          static_cast<std::int64_t>(members.size()),
                          static_cast<std::int64_t>(sources.size()),
                          first_seen,
                          last_seen};
  // Built once: the statement cache is keyed by the text.
  static const std::string insert = std::string(kInsertEvent) + " ON CONFLICT (id) DO NOTHING";
  static const std::string upsert =
      std::string(kInsertEvent) +
      " ON CONFLICT (id) DO UPDATE SET"
      " document_id = excluded.document_id, ordinal = excluded.ordinal, source = excluded.source,"
      " source_country = excluded.source_country, target = excluded.target,"
      " target_country = excluded.target_country, code = excluded.code, root = excluded.root,"
      " quad_class = excluded.quad_class, goldstein = excluded.goldstein,"
      " event_day = excluded.event_day, place = excluded.place, num_mentions = excluded.num_mentions,"
      " num_sources = excluded.num_sources, first_seen_day = excluded.first_seen_day,"
      " last_seen_day = excluded.last_seen_day";
  return db.run(replace ? upsert : insert, row);
}

// Recomputes one event row from the mentions table, or removes it when none is left.
Status rewrite_event(Database& db, const std::string& event_id) {
  std::vector<EventMember> members;
  const SqlValue id[] = {std::string_view(event_id)};
  auto s = db.query(
      "SELECT d.id, m.ordinal, m.source, m.target, m.source_country, m.target_country, m.code, m.root, m.quad_class,"
      " m.goldstein, m.event_day, m.report_day, m.place, d.outlet, m.document_key"
      " FROM mentions m JOIN documents d ON d.key = m.document_key WHERE m.event_id = ?",
      id, [&](const Row& r) {
        members.push_back(EventMember{r.text(0), r.integer(1), r.integer(14), r.text(2), r.text(3), r.text(4),
                                      r.text(5), r.text(6), r.text(7), r.integer(8), r.real(9), r.integer(10),
                                      r.is_null(11) ? r.integer(10) : r.integer(11), r.text(12), r.text(13)});
      });
  if (!s) return s;
  if (members.empty()) {
    auto removed = db.run("DELETE FROM events WHERE id = ?", id);
    return removed ? Status() : Status(removed.error());
  }
  std::vector<const EventMember*> pointers;
  pointers.reserve(members.size());
  for (const auto& m : members) pointers.push_back(&m);
  auto written = put_event(db, event_id, pointers, true);
  return written ? Status() : Status(written.error());
}

// What changed in one dyad: its new mentions by day, and the days mentions were removed.
struct DyadChange {
  std::multimap<int, const BatchMention*> fresh;
  std::set<int> removed_days;
};

// One stretch of a dyad's days around changes, as it is regrouped.
struct Stretch {
  int first = 0, last = 0;  // the days loaded
  std::vector<const BatchMention*> fresh;
  std::set<int> removed_days;
};

std::vector<Stretch> stretches(const DyadChange& change, const DedupOptions& options) {
  std::set<int> days = change.removed_days;
  for (const auto& [day, mention] : change.fresh) days.insert(day);
  // Past the last change, regrouping usually settles within a window or two.
  const int before = 2 * options.window_days, after = 4 * options.window_days + 2;
  std::vector<Stretch> out;
  for (const auto& [first, last] : regroup_ranges(days, before, after)) {
    Stretch s{first, last, {}, {}};
    const auto end = change.fresh.upper_bound(last);
    for (auto it = change.fresh.lower_bound(first); it != end; ++it) s.fresh.push_back(it->second);
    for (const int day : change.removed_days) {
      if (day >= first && day <= last) s.removed_days.insert(day);
    }
    out.push_back(std::move(s));
  }
  return out;
}

void merge_into(Stretch& into, Stretch& next) {
  into.last = std::max(into.last, next.last);
  into.fresh.insert(into.fresh.end(), next.fresh.begin(), next.fresh.end());
  into.removed_days.merge(next.removed_days);
}

// Applies one stretch's regrouping: new mentions get their events, stored ones whose event
// changed are updated, and the events they leave or join are noted. An id no loaded stored
// mention held is an event first made now: its members are all at hand.
Status apply(Database& db, const Neighbourhood& n, const std::vector<const BatchMention*>& fresh,
             std::span<const BatchMention> batch, const Regrouping& r, BatchGrouping& out) {
  std::set<std::string> held;
  for (const auto& [mention, event] : n.events) held.insert(event);
  std::set<std::string> changed;
  // Each member with whether it is a stored one (its neighbourhood goes when this returns).
  std::map<std::string, std::vector<std::pair<const EventMember*, bool>>> members_of;
  for (const BatchMention* m : fresh) {
    const std::string& event = r.events.at(m->dedup.id);
    out.event_of[static_cast<std::size_t>(m - batch.data())] = event;
    changed.insert(event);
    members_of[event].emplace_back(&m->member, false);
  }
  for (const auto& m : n.mentions) {
    const auto found = r.events.find(m.id);
    if (found == r.events.end()) continue;
    const std::string& event = found->second;
    const EventMember& member = n.members.at(m.id);
    members_of[event].emplace_back(&member, true);
    const auto before = n.events.find(m.id);
    const std::string old_id = before == n.events.end() ? std::string() : before->second;
    if (old_id == event) continue;
    const SqlValue p[] = {std::string_view(event), member.document_key, member.ordinal};
    auto updated = db.run("UPDATE mentions SET event_id = ? WHERE document_key = ? AND ordinal = ?", p);
    if (!updated) return updated.error();
    if (!old_id.empty()) out.stored_events.insert(old_id);
    changed.insert(event);
  }
  for (const auto& event : changed) {
    if (held.contains(event)) {
      out.stored_events.insert(event);
      continue;
    }
    auto& members = out.new_events[event];
    for (const auto& [m, stored] : members_of[event]) {
      if (stored) out.kept.push_back(*m);
      members.push_back(stored ? &out.kept.back() : m);
    }
  }
  return {};
}

// Regroups one dyad stretch by stretch; a stretch that needs more days, or whose regrouping
// ran into the next one's, takes the next one in and runs again.
Status group_dyad(Database& db, const DyadKey& dyad, const DyadChange& change, std::span<const BatchMention> batch,
                  const DedupOptions& options, BatchGrouping& out) {
  std::vector<Stretch> todo = stretches(change, options);
  for (std::size_t i = 0; i < todo.size(); ++i) {
    while (true) {
      Stretch& s = todo[i];
      auto n = load_stored(db, dyad, s.first, s.last);
      if (!n) return n.error();
      std::vector<const DedupMention*> fresh;
      fresh.reserve(s.fresh.size());
      for (const BatchMention* m : s.fresh) fresh.push_back(&m->dedup);
      const Regrouping r = regroup_events(n->mentions, n->events, fresh, s.removed_days, s.last, options);
      const bool next_touched = i + 1 < todo.size() && (r.needs_through ? *r.needs_through : r.settled_after) >= todo[i + 1].first;
      if (next_touched) {
        merge_into(s, todo[i + 1]);
        todo.erase(todo.begin() + static_cast<long>(i) + 1);
        continue;
      }
      if (r.needs_through) {
        s.last = *r.needs_through;
        continue;
      }
      if (auto applied = apply(db, *n, s.fresh, batch, r, out); !applied) return applied;
      break;
    }
  }
  return {};
}

}  // namespace

Result<BatchGrouping> group_batch(Database& db, const Removals& removals, std::span<const BatchMention> batch) {
  const DedupOptions options;
  std::map<DyadKey, DyadChange> changes;
  for (const auto& b : batch) {
    changes[dyad_key(b.member.source_country, b.member.target_country)].fresh.emplace(b.dedup.day, &b);
  }
  for (const auto& [dyad, days] : removals.days()) changes[dyad].removed_days = days;
  BatchGrouping out;
  out.event_of.resize(batch.size());
  for (const auto& [dyad, change] : changes) {
    if (auto s = group_dyad(db, dyad, change, batch, options, out); !s) return s.error();
  }
  for (const auto& id : removals.events()) out.stored_events.insert(id);
  // A removed event's id can come back for a re-coded mention: the table decides then.
  for (const auto& id : out.stored_events) out.new_events.erase(id);
  return out;
}

Result<std::size_t> write_events(Database& db, const BatchGrouping& grouping) {
  std::set<std::string> from_table = grouping.stored_events;
  for (const auto& [id, members] : grouping.new_events) {
    auto inserted = put_event(db, id, members, false);
    if (!inserted) return inserted.error();
    // The id was taken after all (by mentions outside the neighbourhood): read them too.
    if (*inserted == 0) from_table.insert(id);
  }
  for (const auto& id : from_table) {
    if (auto s = rewrite_event(db, id); !s) return s.error();
  }
  return grouping.new_events.size() + grouping.stored_events.size();
}

}  // namespace dyad::store
