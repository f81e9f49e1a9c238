// Escalation detection (include/dyad/escalation.h, docs/analytics.md).
//
// Change points test the weekly count of conflict events against the dyad's own baseline
// rate; the baseline is taken before the candidate start, so the change being tested never
// raises its own baseline, and after an alert the new level becomes the baseline, so a dyad
// at war is not alerted every week. Ladder crossings look at the rungs events reach.
#include "dyad/escalation.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "dyad/cameo.h"

namespace dyad {
namespace {

using Period = std::vector<const DyadEvent*>;

std::vector<Period> bin_events(std::span<const DyadEvent> events, int from_day, int to_day,
                               int period_days) {
  const int n = (to_day - from_day) / period_days + 1;
  std::vector<Period> periods(static_cast<std::size_t>(n));
  for (const DyadEvent& e : events) {
    if (e.day < from_day || e.day > to_day) continue;
    periods[static_cast<std::size_t>((e.day - from_day) / period_days)].push_back(&e);
  }
  // Events in (day, id) order, so that ties among driving events do not follow input order.
  for (Period& p : periods) {
    std::sort(p.begin(), p.end(), [](const DyadEvent* a, const DyadEvent* b) {
      return std::tie(a->day, a->id) < std::tie(b->day, b->id);
    });
  }
  return periods;
}

int conflict_events(const Period& period) {
  return static_cast<int>(std::count_if(period.begin(), period.end(),
                                        [](const DyadEvent* e) { return e->goldstein < 0; }));
}

double intensity(const Period& period) {
  double sum = 0;
  for (const DyadEvent* e : period) {
    if (e->goldstein < 0) sum -= e->goldstein;
  }
  return sum;
}

std::optional<LadderRung> highest_rung(const Period& period) {
  std::optional<LadderRung> best;
  for (const DyadEvent* e : period) {
    const auto r = ladder_rung(e->code);
    if (r && (!best || *r > *best)) best = r;
  }
  return best;
}

// The highest rung period t reaches with weight: an event on it in period t, and either an
// event on it reported at least min_mentions times or a second event on it within the
// periods of the ladder window (a month of weeks by default). A single one-source report is
// too often a miscoding to move a dyad up the ladder; a sustained run of them is not.
std::optional<LadderRung> reached_rung(const std::vector<Period>& periods, int t, const EscalationOptions& o) {
  const Period& now = periods[static_cast<std::size_t>(t)];
  for (int level = static_cast<int>(LadderRung::kViolence); level >= 1; --level) {
    const auto rung = static_cast<LadderRung>(level);
    const bool present = std::any_of(now.begin(), now.end(),
                                     [&](const DyadEvent* e) { return ladder_rung(e->code) == rung; });
    if (!present) continue;
    int events = 0;
    bool well_reported = false;
    for (int u = std::max(0, t - o.ladder_window_periods + 1); u <= t; ++u) {
      for (const DyadEvent* e : periods[static_cast<std::size_t>(u)]) {
        if (ladder_rung(e->code) != rung) continue;
        ++events;
        well_reported = well_reported || e->num_mentions >= o.ladder_min_mentions;
      }
    }
    if (well_reported || events >= 2) return rung;
  }
  return std::nullopt;
}

// The highest rung of any event over periods [lo, hi).
std::optional<LadderRung> highest_rung_in(const std::vector<Period>& periods, int lo, int hi) {
  std::optional<LadderRung> best;
  for (int t = lo; t < hi; ++t) {
    const auto r = highest_rung(periods[static_cast<std::size_t>(t)]);
    if (r && (!best || *r > *best)) best = r;
  }
  return best;
}

// The events of periods [lo, hi] (on `rung` only, when given), most severe first.
std::vector<std::string> driving_events(const std::vector<Period>& periods, int lo, int hi,
                                        std::optional<LadderRung> rung, int limit) {
  std::vector<const DyadEvent*> events;
  for (int t = lo; t <= hi; ++t) {
    for (const DyadEvent* e : periods[static_cast<std::size_t>(t)]) {
      if (!rung || ladder_rung(e->code) == rung) events.push_back(e);
    }
  }
  std::sort(events.begin(), events.end(), [](const DyadEvent* a, const DyadEvent* b) {
    return std::tie(a->goldstein, b->num_mentions, a->day, a->id) <
           std::tie(b->goldstein, a->num_mentions, b->day, b->id);
  });
  std::vector<std::string> ids;
  for (const DyadEvent* e : events) {
    if (static_cast<int>(ids.size()) == limit) break;
    ids.push_back(e->id);
  }
  return ids;
}

double mean_of(const std::vector<double>& xs, int lo, int hi) {
  double sum = 0;
  for (int t = lo; t < hi; ++t) sum += xs[static_cast<std::size_t>(t)];
  return hi > lo ? sum / (hi - lo) : 0.0;
}

// The Poisson log-likelihood ratio of `observed` events where `expected` were due, for a
// raised rate: observed * ln(observed / expected) - (observed - expected); 0 unless raised.
double poisson_llr(double observed, double expected) {
  if (observed <= expected) return 0.0;
  return observed * std::log(observed / expected) - (observed - expected);
}

// The most likely change ending at period t: the start s (at most max_change_periods back)
// whose events since s are least likely under the baseline rate of the periods before s.
struct Candidate {
  double score = 0;
  int start = -1;
  int baseline_lo = 0;
  double rate_before = 0;
};

Candidate best_change_at(const std::vector<double>& prefix, int t, int regime_start,
                         const EscalationOptions& o) {
  Candidate best;
  for (int w = 1; w <= o.max_change_periods; ++w) {
    const int s = t - w + 1;
    const int lo = std::max(regime_start, s - o.baseline_periods);
    if (s - lo < o.min_baseline_periods) break;  // shorter windows have more baseline: done
    const auto at = [&](int i) { return prefix[static_cast<std::size_t>(i)]; };
    const double rate = std::max((at(s) - at(lo)) / (s - lo), o.min_rate);
    const double score = poisson_llr(at(t + 1) - at(s), rate * w);
    if (score > best.score) best = Candidate{score, s, lo, rate};
  }
  return best;
}

// Change points by a windowed Poisson GLR (Lai 1995): at each period, the best start of a
// rise over the last max_change_periods. Counts, not Goldstein sums, carry the test: a
// count's spread follows from its mean, so one threshold fits a quiet dyad and a war, and
// one week with two strikes is not mistaken for a new level. After an alert the new level
// starts a regime: the baseline never reaches back across it.
void find_change_points(const std::vector<Period>& periods, const std::vector<double>& level,
                        int from_day, const EscalationOptions& o,
                        std::vector<EscalationAlert>& alerts) {
  const int n = static_cast<int>(periods.size());
  std::vector<double> prefix(static_cast<std::size_t>(n) + 1, 0.0);
  for (int t = 0; t < n; ++t) {
    prefix[static_cast<std::size_t>(t) + 1] =
        prefix[static_cast<std::size_t>(t)] + static_cast<double>(conflict_events(periods[static_cast<std::size_t>(t)]));
  }
  int regime_start = 0;
  for (int t = 0; t < n; ++t) {
    const Candidate c = best_change_at(prefix, t, regime_start, o);
    if (c.score <= o.threshold) continue;
    EscalationAlert a;
    a.kind = EscalationAlert::Kind::kChangePoint;
    a.day = from_day + t * o.period_days;
    a.change_day = from_day + c.start * o.period_days;
    a.before = mean_of(level, c.baseline_lo, c.start);
    a.after = mean_of(level, c.start, t + 1);
    a.size = a.after - a.before;
    a.score = c.score;
    a.rate_before = c.rate_before;
    a.rate_after = (prefix[static_cast<std::size_t>(t) + 1] - prefix[static_cast<std::size_t>(c.start)]) /
                   (t + 1 - c.start);
    a.from = highest_rung_in(periods, c.baseline_lo, c.start);
    a.to = highest_rung_in(periods, c.start, t + 1).value_or(LadderRung::kCooperation);
    a.driving_events = driving_events(periods, c.start, t, std::nullopt, o.max_driving_events);
    alerts.push_back(std::move(a));
    regime_start = c.start;
  }
}

void find_ladder_crossings(const std::vector<Period>& periods, const std::vector<double>& level,
                           int from_day, const EscalationOptions& o,
                           std::vector<EscalationAlert>& alerts) {
  const int n = static_cast<int>(periods.size());
  // Each period's reached rung, once: the lookback of every later period reads them.
  std::vector<std::optional<LadderRung>> reached_at(static_cast<std::size_t>(n));
  for (int t = 0; t < n; ++t) reached_at[static_cast<std::size_t>(t)] = reached_rung(periods, t, o);
  for (int t = o.min_baseline_periods; t < n; ++t) {
    const auto reached = reached_at[static_cast<std::size_t>(t)];
    if (!reached || *reached < LadderRung::kVerbalConflict) continue;
    // A thin report in the lookback neither alerts nor hides a later, well-reported crossing.
    const auto lookback = reached_at.begin() + std::max(0, t - o.ladder_lookback_periods);
    const auto before = *std::max_element(lookback, reached_at.begin() + t);
    if (before && *before >= *reached) continue;
    EscalationAlert a;
    a.kind = EscalationAlert::Kind::kLadderCrossing;
    a.day = a.change_day = from_day + t * o.period_days;
    a.after = level[static_cast<std::size_t>(t)];
    a.size = static_cast<double>(static_cast<int>(*reached) - (before ? static_cast<int>(*before) : 0));
    a.from = before;
    a.to = *reached;
    a.driving_events = driving_events(periods, t, t, reached, o.max_driving_events);
    alerts.push_back(std::move(a));
  }
}

}  // namespace

std::optional<LadderRung> ladder_rung(std::string_view code) {
  const std::string root = cameo_root(code);
  if (root.empty()) return std::nullopt;
  const int r = (root[0] - '0') * 10 + (root[1] - '0');
  if (r >= 1 && r <= 8) return LadderRung::kCooperation;
  if (r >= 9 && r <= 13) return LadderRung::kVerbalConflict;
  if (r >= 14 && r <= 17) return LadderRung::kMaterialConflict;
  if (r >= 18 && r <= 20) return LadderRung::kViolence;
  return std::nullopt;
}

const char* ladder_rung_name(LadderRung rung) {
  switch (rung) {
    case LadderRung::kCooperation: return "cooperation";
    case LadderRung::kVerbalConflict: return "verbal conflict";
    case LadderRung::kMaterialConflict: return "material conflict";
    case LadderRung::kViolence: return "violence";
  }
  return "?";
}

std::vector<double> conflict_intensity(std::span<const DyadEvent> events, int from_day, int to_day,
                                       int period_days) {
  std::vector<double> out;
  if (period_days <= 0 || to_day < from_day) return out;
  for (const Period& p : bin_events(events, from_day, to_day, period_days)) {
    out.push_back(intensity(p));
  }
  return out;
}

Result<std::vector<EscalationAlert>> detect_escalation(std::span<const DyadEvent> events,
                                                       int from_day, int to_day,
                                                       const EscalationOptions& options) {
  if (options.period_days <= 0 || options.baseline_periods <= 1 ||
      options.min_baseline_periods < 2 || options.min_baseline_periods > options.baseline_periods ||
      options.max_change_periods < 1 || options.threshold <= 0 || options.min_rate <= 0 ||
      options.ladder_lookback_periods <= 0 || options.ladder_window_periods < 1 || options.max_driving_events < 0) {
    return make_error(ErrorCode::kInvalidArgument, "escalation options out of range");
  }
  if (to_day < from_day) {
    return make_error(ErrorCode::kInvalidArgument, "escalation range ends before it starts");
  }
  const auto periods = bin_events(events, from_day, to_day, options.period_days);
  std::vector<double> level;
  level.reserve(periods.size());
  for (const Period& p : periods) level.push_back(intensity(p));
  std::vector<EscalationAlert> alerts;
  find_change_points(periods, level, from_day, options, alerts);
  find_ladder_crossings(periods, level, from_day, options, alerts);
  std::stable_sort(alerts.begin(), alerts.end(), [](const EscalationAlert& a, const EscalationAlert& b) {
    return a.day < b.day;
  });
  return alerts;
}

bool more_severe(const EscalationAlert& a, const EscalationAlert& b) {
  return std::tie(a.to, a.size, a.day) > std::tie(b.to, b.size, b.day);
}

}  // namespace dyad
