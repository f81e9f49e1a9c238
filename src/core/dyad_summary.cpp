#include "dyad/dyad_summary.h"

#include <algorithm>

namespace dyad {

std::vector<DyadSummary> summarize_dyads(const std::vector<Mention>& mentions) {
  std::map<std::pair<std::string, std::string>, DyadSummary> by_pair;
  for (const Mention& m : mentions) {
    if (m.target.code.empty() || m.context.negated || m.context.hypothetical) continue;
    const std::string s = m.source.code.country.empty() ? "---" : m.source.code.country;
    const std::string t = m.target.code.country.empty() ? "---" : m.target.code.country;
    DyadSummary& d = by_pair[{s, t}];
    d.source_country = s;
    d.target_country = t;
    ++d.mentions;
    ++d.by_quad_class[m.quad_class >= 1 && m.quad_class <= 4 ? m.quad_class : 0];
    if (!m.root.empty()) ++d.by_root[m.root];
    d.goldstein_sum += m.goldstein;
    if (m.event_date.valid()) {
      if (!d.first.valid() || m.event_date.days() < d.first.days()) d.first = m.event_date;
      if (!d.last.valid() || m.event_date.days() > d.last.days()) d.last = m.event_date;
    }
    if (m.quad_class && m.goldstein < d.most_severe_goldstein) {
      d.most_severe_goldstein = m.goldstein;
      d.most_severe_code = m.code;
    }
  }
  std::vector<DyadSummary> out;
  out.reserve(by_pair.size());
  for (auto& [key, d] : by_pair) out.push_back(std::move(d));
  std::stable_sort(out.begin(), out.end(), [](const DyadSummary& a, const DyadSummary& b) {
    return a.mentions > b.mentions;
  });
  return out;
}

}  // namespace dyad
