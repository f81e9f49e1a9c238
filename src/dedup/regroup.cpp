// Regrouping after a change (include/dyad/dedup.h: regroup_events).
//
// A block is grouped in (day, id) order, and a mention only joins an event started at most
// window_days before it. So the grouping from a day D on follows from one thing alone: the
// events still open before D (started at D - window_days or later) with their members. A
// change on day c cannot move a mention before c. From c on the mentions are re-decided,
// starting from the stored events open at c; once past the last change by more than the
// window, the first day before which the open events equal the stored ones ends the work:
// from there the stored grouping is what a grouping of everything would give.
#include <algorithm>
#include <map>
#include <unordered_set>

#include "dedup/grouping.h"
#include "dyad/dedup.h"

namespace dyad {
namespace {

using dedup::Group;
using dedup::Prepared;

struct Item {
  Prepared prepared;
  bool fresh = false;
  const std::string* stored_event = nullptr;  // null for fresh mentions
  int day() const { return prepared.mention->day; }
};

// Open events as sorted lists of member ids, themselves sorted: comparable across the
// computed and the stored grouping.
using OpenEvents = std::vector<std::vector<std::string>>;

OpenEvents open_computed(const std::vector<Group>& groups, int day, int window) {
  OpenEvents out;
  for (const Group& g : groups) {
    if (g.first_day < day - window) continue;
    std::vector<std::string> ids;
    for (const Prepared* p : g.members) ids.push_back(p->mention->id);
    std::sort(ids.begin(), ids.end());
    out.push_back(std::move(ids));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The stored events open before `day`, from the items before index `end`. An event open then
// started at day - window or later, so its members all lie in the 2 * window days before.
OpenEvents open_stored(const std::vector<const Item*>& items, std::size_t end, int day, int window) {
  std::map<std::string, std::pair<int, std::vector<std::string>>> events;  // id -> first day, members
  for (std::size_t j = end; j-- > 0 && items[j]->day() >= day - 2 * window;) {
    if (items[j]->stored_event == nullptr) continue;
    auto [it, added] = events.try_emplace(*items[j]->stored_event, items[j]->day(), std::vector<std::string>{});
    it->second.first = std::min(it->second.first, items[j]->day());
    it->second.second.push_back(items[j]->prepared.mention->id);
  }
  OpenEvents out;
  for (auto& [id, event] : events) {
    if (event.first < day - window) continue;
    std::sort(event.second.begin(), event.second.end());
    out.push_back(std::move(event.second));
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t first_on_or_after(const std::vector<const Item*>& items, int day) {
  return static_cast<std::size_t>(
      std::lower_bound(items.begin(), items.end(), day, [](const Item* i, int d) { return i->day() < d; }) -
      items.begin());
}

// The stored events open on `day`, rebuilt from their members before it, in the order
// they were started; `names` gets their ids.
std::vector<Group> open_context(const std::vector<const Item*>& items, std::size_t begin, std::size_t end, int day,
                                int window, std::vector<std::string>& names) {
  std::map<std::string, Group> by_event;
  for (std::size_t j = begin; j < end; ++j) {
    if (items[j]->stored_event == nullptr) continue;
    Group& g = by_event[*items[j]->stored_event];
    if (g.members.empty()) g.first_day = items[j]->day();
    g.members.push_back(&items[j]->prepared);
  }
  std::vector<std::pair<std::string, Group>> open;
  for (auto& [id, g] : by_event) {
    if (g.first_day >= day - window) open.emplace_back(id, std::move(g));
  }
  std::sort(open.begin(), open.end(), [](const auto& a, const auto& b) {
    return dedup::earlier(*a.second.members.front()->mention, *b.second.members.front()->mention);
  });
  std::vector<Group> groups;
  for (auto& [id, g] : open) {
    names.push_back(id);
    groups.push_back(std::move(g));
  }
  return groups;
}

// Re-decides one block from its first changed day; adds the events of the mentions it
// re-decided to `out`, or asks for more days.
void regroup_block(const std::vector<const Item*>& items, const std::vector<int>& changed, int loaded_through,
                   const DedupOptions& options, std::unordered_set<std::string>& taken, Regrouping& out) {
  const int window = options.window_days;
  const int first_change = changed.front();
  const int last_change = changed.back();
  const std::size_t start = first_on_or_after(items, first_change);
  std::vector<std::string> fixed;
  std::vector<Group> groups =
      open_context(items, first_on_or_after(items, first_change - 2 * window), start, first_change, window, fixed);

  std::size_t next = start;
  std::size_t closed = 0;
  bool settled = false;
  while (true) {
    const int day = next < items.size() ? std::min(items[next]->day(), loaded_through + 1) : loaded_through + 1;
    if (day > last_change + window && open_computed(groups, day, window) == open_stored(items, next, day, window)) {
      settled = true;
      break;
    }
    if (day > loaded_through) break;
    for (; next < items.size() && items[next]->day() == day; ++next) {
      const Prepared& p = items[next]->prepared;
      while (closed < groups.size() && groups[closed].first_day < day - window) ++closed;
      if (Group* best = dedup::best_group(std::span<Group>(groups).subspan(closed), p, options)) {
        best->members.push_back(&p);
      } else {
        groups.push_back(Group{{&p}, day});
      }
    }
    out.settled_after = std::max(out.settled_after, day);
  }
  if (!settled) {
    const int more = std::max(2 * (loaded_through - first_change + 1), 8 * window + 8);
    out.needs_through = std::max(out.needs_through.value_or(loaded_through), loaded_through + more);
    return;
  }

  // Names: the context events keep theirs; an id held only by mentions left as they were is
  // not for the taking.
  std::unordered_map<std::string, std::string> previous;
  std::unordered_set<std::string> redecided_ids;
  for (std::size_t j = start; j < next; ++j) {
    if (items[j]->stored_event == nullptr) continue;
    previous.emplace(items[j]->prepared.mention->id, *items[j]->stored_event);
    redecided_ids.insert(*items[j]->stored_event);
  }
  for (std::size_t j = 0; j < items.size(); ++j) {
    if (j >= start && j < next) continue;
    if (items[j]->stored_event != nullptr && !redecided_ids.contains(*items[j]->stored_event)) {
      taken.insert(*items[j]->stored_event);
    }
  }
  const std::vector<std::string> names = dedup::name_groups(groups, previous, fixed, taken);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const Prepared* p : groups[g].members) {
      if (p->mention->day >= first_change) out.events[p->mention->id] = names[g];
    }
  }
}

}  // namespace

Regrouping regroup_events(std::span<const DedupMention> stored,
                          const std::unordered_map<std::string, std::string>& stored_events,
                          std::span<const DedupMention* const> fresh, const std::set<int>& removed_days,
                          int loaded_through, const DedupOptions& options) {
  std::vector<Item> all;
  all.reserve(stored.size() + fresh.size());
  std::unordered_set<std::string> fresh_ids;
  for (const DedupMention* m : fresh) {
    if (fresh_ids.insert(m->id).second) all.push_back(Item{dedup::prepare(*m), true, nullptr});
  }
  for (const DedupMention& m : stored) {
    if (fresh_ids.contains(m.id)) continue;
    const auto event = stored_events.find(m.id);
    all.push_back(Item{dedup::prepare(m), false, event == stored_events.end() ? nullptr : &event->second});
  }
  std::map<std::string, std::vector<const Item*>> blocks;
  for (const Item& item : all) blocks[item.prepared.block].push_back(&item);

  Regrouping out;
  int first_change = removed_days.empty() ? loaded_through + 1 : *removed_days.begin();
  for (const Item& item : all) {
    if (item.fresh) first_change = std::min(first_change, item.day());
  }
  out.settled_after = first_change - 1;
  std::unordered_set<std::string> taken;
  for (auto& [key, items] : blocks) {
    std::sort(items.begin(), items.end(),
              [](const Item* a, const Item* b) { return dedup::earlier(*a->prepared.mention, *b->prepared.mention); });
    std::set<int> changed = removed_days;
    for (const Item* item : items) {
      if (item->fresh) changed.insert(item->day());
    }
    if (changed.empty()) continue;
    regroup_block(items, std::vector<int>(changed.begin(), changed.end()), loaded_through, options, taken, out);
  }
  if (out.needs_through) out.events.clear();
  return out;
}

Regrouping regroup_events(std::span<const DedupMention> stored,
                          const std::unordered_map<std::string, std::string>& stored_events,
                          std::span<const DedupMention> fresh, const std::set<int>& removed_days, int loaded_through,
                          const DedupOptions& options) {
  std::vector<const DedupMention*> pointers;
  pointers.reserve(fresh.size());
  for (const DedupMention& m : fresh) pointers.push_back(&m);
  return regroup_events(stored, stored_events, pointers, removed_days, loaded_through, options);
}

}  // namespace dyad
