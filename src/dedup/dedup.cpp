// Deduplication: mentions -> events (docs/dedup.md explains the rules and the thresholds).
//
// Three steps, each a plain function:
//   1. prepare: each mention gets a block key (code family and the dyad's two primary actor
//      codes, in a fixed order for acts that have no direction) and its content words;
//   2. group: within a block, mentions in (day, id) order join the open event whose members
//      they resemble most on average, if the hard rules hold with every member;
//   3. name: each group takes an earlier event id where it can, otherwise a new one.
// Sorting before grouping is what makes the result independent of the input order.
#include "dyad/dedup.h"

#include <algorithm>
#include <map>
#include <span>
#include <tuple>
#include <unordered_set>

#include "dedup/grouping.h"
#include "dyad/cameo.h"

namespace dyad::dedup {
namespace {

// The family a code belongs to for merging: its CAMEO root, with the roots the field
// codes interchangeably for one act folded together.
std::string code_family(const std::string& code) {
  std::string root = cameo_root(code);
  if (root.empty()) return code;  // non-CAMEO codes merge only with themselves
  if (root == "18" || root == "19" || root == "20") return "violence";
  return root;
}

bool is_visit(const std::string& code) { return code == "042" || code == "043"; }

}  // namespace

Prepared prepare(const DedupMention& m) {
  Prepared p;
  p.mention = &m;
  ActorCode source = parse_actor_code(m.source);
  ActorCode target = parse_actor_code(m.target);
  if (is_visit(m.code)) p.visitor = (m.code == "042" ? source : target).country;
  p.directed = !cameo_joint_act(m.code);
  if (!p.directed && target.country < source.country) std::swap(source, target);
  p.block = code_family(m.code) + "|" + source.country + "|" + target.country;
  p.first = std::move(source);
  p.second = std::move(target);
  p.words = dedup::content_words(m.text);
  return p;
}

namespace {

// A country code standing in for a place (until geolocation): two different countries
// rule a merge out, but sharing one is no evidence, since every mention of a dyad shares it.
bool is_country_key(const std::string& place) {
  return place.size() == 3 &&
         std::all_of(place.begin(), place.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool roles_compatible(const ActorCode& a, const ActorCode& b) {
  const auto n = std::min(a.roles.size(), b.roles.size());
  return std::equal(a.roles.begin(), a.roles.begin() + static_cast<long>(n), b.roles.begin());
}

bool same_code(const DedupMention& a, const DedupMention& b) {
  return a.code == b.code || (is_visit(a.code) && is_visit(b.code));
}

// Rules that no similarity can override.
bool may_merge(const Prepared& a, const Prepared& b) {
  const DedupMention& x = *a.mention;
  const DedupMention& y = *b.mention;
  if (!x.place.empty() && !y.place.empty() && x.place != y.place) return false;
  // Talks have no direction but a visit has: a visit and the return visit differ.
  if (!a.visitor.empty() && !b.visitor.empty() && a.visitor != b.visitor) return false;
  return true;
}

double pair_score(const Prepared& a, const Prepared& b, const DedupOptions& o) {
  const DedupMention& x = *a.mention;
  const DedupMention& y = *b.mention;
  double score = dedup::similarity(a.words, b.words);
  if (same_code(x, y)) score += o.same_code_bonus;
  if (x.day == y.day) score += o.same_day_bonus;
  if (!x.place.empty() && x.place == y.place && !is_country_key(x.place)) {
    score += o.same_place_bonus;
  }
  const bool first_conflict = !roles_compatible(a.first, b.first);
  const bool second_conflict = !roles_compatible(a.second, b.second);
  if (a.directed) {
    if (first_conflict) score -= o.source_role_conflict_penalty;
    if (second_conflict) score -= o.target_role_conflict_penalty;
  } else if (first_conflict || second_conflict) {
    // Talks and agreements have participants, not a target: who took part is worded freely.
    score -= o.source_role_conflict_penalty;
  }
  return score;
}

}  // namespace

bool earlier(const DedupMention& a, const DedupMention& b) {
  return std::tie(a.day, a.id) < std::tie(b.day, b.id);
}

Group* best_group(std::span<Group> groups, const Prepared& p, const DedupOptions& options) {
  const int day = p.mention->day;
  Group* best = nullptr;
  double best_score = options.min_similarity;
  for (Group& group : groups) {
    if (group.first_day < day - options.window_days) continue;
    double sum = 0;
    bool allowed = true;
    for (const Prepared* member : group.members) {
      if (!may_merge(p, *member)) {
        allowed = false;
        break;
      }
      sum += pair_score(p, *member, options);
    }
    if (!allowed) continue;
    const double average = sum / static_cast<double>(group.members.size());
    // Strictly greater: on a tie the earlier group (lower index) keeps the mention.
    if (average > best_score || (best == nullptr && average == best_score)) {
      best = &group;
      best_score = average;
    }
  }
  return best;
}

namespace {

// Groups one block's mentions, given in (day, id) order.
std::vector<Group> group_block(const std::vector<const Prepared*>& block, const DedupOptions& options) {
  std::vector<Group> groups;
  std::size_t closed = 0;  // groups before this index started too early to take anyone
  for (const Prepared* p : block) {
    const int day = p->mention->day;
    while (closed < groups.size() && groups[closed].first_day < day - options.window_days) ++closed;
    if (Group* best = best_group(std::span<Group>(groups).subspan(closed), *p, options)) {
      best->members.push_back(p);
    } else {
      groups.push_back(Group{{p}, day});
    }
  }
  return groups;
}

}  // namespace

std::vector<std::string> name_groups(const std::vector<Group>& groups,
                                     const std::unordered_map<std::string, std::string>& previous,
                                     const std::vector<std::string>& fixed, std::unordered_set<std::string>& taken) {
  std::vector<std::string> names(groups.size());
  for (std::size_t g = 0; g < fixed.size() && g < groups.size(); ++g) {
    if (fixed[g].empty()) continue;
    names[g] = fixed[g];
    taken.insert(fixed[g]);
  }
  struct Claim {
    long count;
    std::string id;
    std::size_t group;
  };
  std::vector<Claim> claims;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!names[g].empty()) continue;
    std::map<std::string, long> held;
    for (const Prepared* p : groups[g].members) {
      auto it = previous.find(p->mention->id);
      if (it != previous.end()) ++held[it->second];
    }
    for (const auto& [id, count] : held) claims.push_back({count, id, g});
  }
  // Groups are in (earliest day, earliest id) order, so the group index breaks ties the same
  // way whatever the input order was.
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    return std::tie(b.count, a.id, a.group) < std::tie(a.count, b.id, b.group);
  });
  for (const Claim& c : claims) {
    if (names[c.group].empty() && !taken.contains(c.id)) {
      names[c.group] = c.id;
      taken.insert(c.id);
    }
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!names[g].empty()) continue;
    std::string base = "ev-" + groups[g].members.front()->mention->id;
    std::string name = base;
    for (int n = 2; taken.contains(name); ++n) name = base + "-" + std::to_string(n);
    names[g] = name;
    taken.insert(name);
  }
  return names;
}

}  // namespace dyad::dedup

namespace dyad {

using dedup::code_family;
using dedup::earlier;
using dedup::group_block;
using dedup::Group;
using dedup::prepare;
using dedup::Prepared;

bool dedup_codes_compatible(const std::string& a, const std::string& b) {
  return code_family(a) == code_family(b);
}

double dedup_text_similarity(const std::string& a, const std::string& b) {
  return dedup::similarity(dedup::content_words(a), dedup::content_words(b));
}

std::unordered_map<std::string, std::string> assign_events(
    std::span<const DedupMention> mentions,
    const std::unordered_map<std::string, std::string>& previous, const DedupOptions& options) {
  // Step 1: one prepared record per distinct mention id.
  std::vector<Prepared> prepared;
  prepared.reserve(mentions.size());
  std::unordered_set<std::string> seen;
  for (const DedupMention& m : mentions) {
    if (seen.insert(m.id).second) prepared.push_back(prepare(m));
  }

  // Step 2: blocks in key order, each in (day, id) order.
  std::vector<const Prepared*> order;
  order.reserve(prepared.size());
  for (const Prepared& p : prepared) order.push_back(&p);
  std::sort(order.begin(), order.end(), [](const Prepared* a, const Prepared* b) {
    if (a->block != b->block) return a->block < b->block;
    return earlier(*a->mention, *b->mention);
  });
  std::vector<Group> groups;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && order[j]->block == order[i]->block) ++j;
    std::vector<const Prepared*> block(order.begin() + static_cast<long>(i),
                                       order.begin() + static_cast<long>(j));
    for (Group& g : group_block(block, options)) groups.push_back(std::move(g));
    i = j;
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    return earlier(*a.members.front()->mention, *b.members.front()->mention);
  });

  // Step 3: names.
  std::unordered_set<std::string> taken;
  const std::vector<std::string> names = dedup::name_groups(groups, previous, {}, taken);
  std::unordered_map<std::string, std::string> out;
  out.reserve(prepared.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const Prepared* p : groups[g].members) out.emplace(p->mention->id, names[g]);
  }
  return out;
}

}  // namespace dyad
