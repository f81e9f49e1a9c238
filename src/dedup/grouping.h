// The grouping step of deduplication, shared by assign_events (all mentions at once,
// dedup.cpp) and regroup_events (a store's new mentions among its stored ones, regroup.cpp).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "dedup/text_similarity.h"
#include "dyad/actor.h"
#include "dyad/dedup.h"

namespace dyad::dedup {

// A mention ready for grouping.
struct Prepared {
  const DedupMention* mention = nullptr;
  std::string block;        // family | first primary | second primary
  ActorCode first, second;  // actors in block order
  std::string visitor;      // for 042/043: who travelled ("B hosted A": A)
  bool directed = true;     // first is the source, second the target
  WeightedWords words;
};

Prepared prepare(const DedupMention& m);

// (day, id) order: the order in which a block's mentions are grouped.
bool earlier(const DedupMention& a, const DedupMention& b);

struct Group {
  std::vector<const Prepared*> members;  // in (day, id) order: members[0] is the earliest
  int first_day = 0;
};

// The group `p` joins among `groups` (in the order they were started), or nullptr when it
// starts a new one. Groups started more than the window before `p` take nobody.
Group* best_group(std::span<Group> groups, const Prepared& p, const DedupOptions& options);

// Names groups, given in (earliest day, earliest id) order: each takes the earlier id most of
// its mentions held (`previous`), an id going to one group only, else "ev-" + its earliest
// mention's id. `fixed` names (empty: none) are kept as they are; ids in `taken` are not given
// again, and every name given is added to it.
std::vector<std::string> name_groups(const std::vector<Group>& groups,
                                     const std::unordered_map<std::string, std::string>& previous,
                                     const std::vector<std::string>& fixed, std::unordered_set<std::string>& taken);

}  // namespace dyad::dedup
