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

void TouchedDyads::add(const std::string& source_country, const std::string& target_country, int day) {
  days_[{source_country, target_country}].insert(day);
}

std::vector<std::pair<int, int>> regroup_ranges(const std::set<int>& days, int reach) {
  std::vector<std::pair<int, int>> ranges;
  for (const int day : days) {
    if (!ranges.empty() && day - reach <= ranges.back().second) {
      ranges.back().second = day + reach;
    } else {
      ranges.emplace_back(day - reach, day + reach);
    }
  }
  return ranges;
}

bool groupable(const Mention& m) { return !m.context.negated && !m.context.hypothetical && !m.context.future; }

namespace {

std::string mention_id(const std::string& document_id, std::int64_t ordinal) {
  return document_id + "-" + std::to_string(ordinal);
}

// The stored mentions of one dyad between two days that take part in events.
struct Neighbourhood {
  std::vector<DedupMention> mentions;
  std::unordered_map<std::string, std::string> previous;                 // mention id -> event id
  std::unordered_map<std::string, std::pair<std::string, std::int64_t>> keys;  // mention id -> row key
};

Result<Neighbourhood> load_neighbourhood(Database& db, const std::string& source_country,
                                         const std::string& target_country, int first_day, int last_day) {
  Neighbourhood n;
  const SqlValue p[] = {std::string_view(source_country), std::string_view(target_country),
                        std::int64_t{first_day}, std::int64_t{last_day}};
  auto s = db.query(
      "SELECT m.document_id, m.ordinal, m.source, m.target, m.code, m.event_day, m.place, m.outlet, s.text, m.event_id"
      " FROM mentions m LEFT JOIN sentences s ON s.document_id = m.document_id AND s.idx = m.sentence_index"
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
        if (!r.is_null(9)) n.previous[m.id] = r.text(9);
        n.keys[m.id] = {m.document_id, r.integer(1)};
        n.mentions.push_back(std::move(m));
      });
  if (!s) return s.error();
  return n;
}

struct EventMention {
  std::string document_id;
  std::int64_t ordinal = 0;
  std::string source, target, source_country, target_country, code, root;
  std::int64_t quad_class = 0;
  double goldstein = 0;
  std::int64_t event_day = 0, seen_day = 0;
  std::string place, outlet;
};

// The representative mention: the one carrying the code most mentions agree on (ties: the
// lower code), earliest first. Most reports get the act right; the odd one does not decide.
const EventMention& representative(const std::vector<EventMention>& mentions) {
  std::map<std::string, int> votes;
  for (const auto& m : mentions) ++votes[m.code];
  const auto best = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
    return a.second < b.second;  // max_element keeps the first (lowest code) of equal counts
  });
  const EventMention* chosen = nullptr;
  for (const auto& m : mentions) {
    if (m.code != best->first) continue;
    if (!chosen || std::tie(m.event_day, m.document_id, m.ordinal) <
                       std::tie(chosen->event_day, chosen->document_id, chosen->ordinal)) {
      chosen = &m;
    }
  }
  return *chosen;
}

// Recomputes one event row from its mentions, or removes it when none is left.
Status rewrite_event(Database& db, const std::string& event_id) {
  std::vector<EventMention> mentions;
  const SqlValue id[] = {std::string_view(event_id)};
  auto s = db.query(
      "SELECT document_id, ordinal, source, target, source_country, target_country, code, root, quad_class,"
      " goldstein, event_day, report_day, place, outlet FROM mentions WHERE event_id = ?",
      id, [&](const Row& r) {
        EventMention m{r.text(0), r.integer(1), r.text(2),    r.text(3), r.text(4),
                       r.text(5), r.text(6),    r.text(7),    r.integer(8), r.real(9),
                       r.integer(10), r.is_null(11) ? r.integer(10) : r.integer(11), r.text(12), r.text(13)};
        mentions.push_back(std::move(m));
      });
  if (!s) return s;
  if (mentions.empty()) {
    auto removed = db.run("DELETE FROM events WHERE id = ?", id);
    return removed ? Status() : Status(removed.error());
  }
  const EventMention& rep = representative(mentions);
  std::set<std::string> sources;
  std::int64_t event_day = rep.event_day, first_seen = rep.seen_day, last_seen = rep.seen_day;
  for (const auto& m : mentions) {
    // A document without an outlet counts as a source of its own.
    sources.insert(m.outlet.empty() ? "doc:" + m.document_id : m.outlet);
    event_day = std::min(event_day, m.event_day);
    first_seen = std::min(first_seen, m.seen_day);
    last_seen = std::max(last_seen, m.seen_day);
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
                          static_cast<std::int64_t>(mentions.size()),
                          static_cast<std::int64_t>(sources.size()),
                          first_seen,
                          last_seen};
  auto written = db.run(
      "INSERT INTO events (id, document_id, ordinal, source, source_country, target, target_country, code, root,"
      " quad_class, goldstein, event_day, place, num_mentions, num_sources, first_seen_day, last_seen_day)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
      " document_id = excluded.document_id, ordinal = excluded.ordinal, source = excluded.source,"
      " source_country = excluded.source_country, target = excluded.target, target_country = excluded.target_country,"
      " code = excluded.code, root = excluded.root, quad_class = excluded.quad_class, goldstein = excluded.goldstein,"
      " event_day = excluded.event_day, place = excluded.place, num_mentions = excluded.num_mentions,"
      " num_sources = excluded.num_sources, first_seen_day = excluded.first_seen_day,"
      " last_seen_day = excluded.last_seen_day",
      row);
  return written ? Status() : Status(written.error());
}

// Regroups one dyad's mentions between two days: the ones whose event changed get their
// new event id, and both the old and the new event are noted for rewriting.
Status regroup_range(Database& db, const TouchedDyads::Dyad& dyad, int first_day, int last_day,
                     const DedupOptions& options, std::set<std::string>& changed) {
  auto n = load_neighbourhood(db, dyad.first, dyad.second, first_day, last_day);
  if (!n) return n.error();
  const auto assigned = assign_events(n->mentions, n->previous, options);
  for (const auto& m : n->mentions) {
    const auto found = assigned.find(m.id);
    if (found == assigned.end()) continue;
    const auto before = n->previous.find(m.id);
    const std::string old_id = before == n->previous.end() ? std::string() : before->second;
    if (old_id == found->second) continue;
    const auto& key = n->keys.at(m.id);
    const SqlValue p[] = {std::string_view(found->second), std::string_view(key.first), key.second};
    auto updated = db.run("UPDATE mentions SET event_id = ? WHERE document_id = ? AND ordinal = ?", p);
    if (!updated) return updated.error();
    if (!old_id.empty()) changed.insert(old_id);
    changed.insert(found->second);
  }
  return {};
}

}  // namespace

Result<std::size_t> regroup_events(Database& db, const TouchedDyads& touched) {
  const DedupOptions options;
  // One day beyond the window: a mention just outside it can still link to one inside
  // through a mention in between, and must keep the event id it holds.
  const int reach = options.window_days + 1;
  std::set<std::string> changed;
  for (const auto& [dyad, days] : touched.days()) {
    for (const auto& [first_day, last_day] : regroup_ranges(days, reach)) {
      auto s = regroup_range(db, dyad, first_day, last_day, options, changed);
      if (!s) return s.error();
    }
  }
  for (const auto& id : touched.removed_events()) changed.insert(id);
  for (const auto& id : changed) {
    if (auto s = rewrite_event(db, id); !s) return s.error();
  }
  return changed.size();
}

}  // namespace dyad::store
