// Per-dyad counts over a set of mentions: what `dyad code --summary` prints.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "dyad/event.h"

namespace dyad {

struct DyadSummary {
  std::string source_country, target_country;  // "---" when unknown
  int mentions = 0;
  int by_quad_class[5] = {0, 0, 0, 0, 0};      // index 1..4; 0 for codes outside CAMEO
  std::map<std::string, int> by_root;
  double goldstein_sum = 0;
  Date first, last;
  std::string most_severe_code;                // lowest Goldstein value seen
  double most_severe_goldstein = 11;
};

// One entry per directed country pair, most mentions first. Mentions with no target or
// with a negated or hypothetical context are left out (they are not acts between two).
std::vector<DyadSummary> summarize_dyads(const std::vector<Mention>& mentions);

}  // namespace dyad
