// Escalation: when a dyad's relationship moves towards conflict.
//
// Two kinds of alert over one dyad's deduplicated events:
//   - a change point: the dyad's weekly rate of conflict events (those with a negative
//     Goldstein value) rises to a new level, found by a one-sided Poisson likelihood-ratio
//     test against the dyad's own recent history (the change may have begun some weeks
//     before the alert: the test looks back over every start);
//   - a ladder crossing: the dyad reaches a rung of the escalation ladder it has not been on
//     for months: cooperation (CAMEO 01-08) -> verbal conflict (09-13) -> non-violent
//     material conflict (14-17: protest, posture, sanctions, coercion) -> violence (18-20).
// Each alert says when, how large the change is and which events drove it. docs/analytics.md
// explains the method, its defaults, and its detection delay and false-alarm rate on synthetic
// series (tests/unit/test_escalation.cpp).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/result.h"

namespace dyad {

enum class LadderRung { kCooperation = 1, kVerbalConflict = 2, kMaterialConflict = 3, kViolence = 4 };

// The rung of a CAMEO code by its root, or nullopt for codes outside CAMEO.
std::optional<LadderRung> ladder_rung(std::string_view code);
// "cooperation", "verbal conflict", "material conflict", "violence".
const char* ladder_rung_name(LadderRung rung);

// One deduplicated event of the dyad, as escalation detection sees it (the store fills it
// from its events table; both directions of the dyad may be passed together).
struct DyadEvent {
  std::string id;
  int day = 0;            // days since 1970-01-01
  std::string code;       // CAMEO code
  double goldstein = 0;   // the event's Goldstein value
  int num_mentions = 1;   // reports of it, after deduplication
};

struct EscalationOptions {
  int period_days = 7;             // the series is weekly by default
  // Change points: a Poisson generalised likelihood ratio (GLR) on the number of conflict
  // events (negative Goldstein) per period. The baseline rate is the mean count of up to
  // baseline_periods periods before the candidate change, and needs min_baseline_periods of
  // them; a change may have begun up to max_change_periods before the period that alerts.
  int baseline_periods = 52;
  int min_baseline_periods = 8;
  int max_change_periods = 13;
  double threshold = 8.0;          // the log-likelihood ratio an alert needs (see docs/analytics.md)
  double min_rate = 0.05;          // floor on the baseline rate, events per period: one event
                                   // after a silent year is not a change by itself
  // A ladder crossing needs the rung to be absent for this many periods before, and to be
  // reached by an event with this many reports or by a second event on the rung within
  // ladder_window_periods (counting the period itself).
  int ladder_lookback_periods = 52;
  int ladder_min_mentions = 2;
  int ladder_window_periods = 4;
  int max_driving_events = 10;
};

struct EscalationAlert {
  enum class Kind { kChangePoint, kLadderCrossing };
  Kind kind = Kind::kChangePoint;
  int day = 0;          // first day of the period in which the alert fires
  int change_day = 0;   // first day of the period the change began in (ladder: = day)
  // Mean conflict intensity (the sum of -Goldstein over conflict events) per period before
  // the change and from the change to the alert; size = after - before. For a ladder
  // crossing, the intensity of the crossing period. For a change point, `score` is the
  // log-likelihood ratio that made the alert, and the rates are conflict events per period.
  double before = 0, after = 0, size = 0;
  double score = 0, rate_before = 0, rate_after = 0;
  // Ladder: the highest rung in the lookback (nullopt: no events) and the rung reached.
  // Change point: the highest rung before and since the change.
  std::optional<LadderRung> from;
  LadderRung to = LadderRung::kCooperation;
  std::vector<std::string> driving_events;  // event ids, most severe first
};

// The conflict intensity of each period [from_day + i * period_days, + period_days) up to
// to_day inclusive: the sum of -goldstein over the events with a negative Goldstein value.
std::vector<double> conflict_intensity(std::span<const DyadEvent> events, int from_day, int to_day,
                                       int period_days);

// Alerts for one dyad's events between from_day and to_day (inclusive; events outside are
// ignored), in the order they fire. Invalid options or an empty range give an error.
Result<std::vector<EscalationAlert>> detect_escalation(std::span<const DyadEvent> events,
                                                       int from_day, int to_day,
                                                       const EscalationOptions& options);

// Most severe first: the higher rung reached, then the larger change, then the later alert.
bool more_severe(const EscalationAlert& a, const EscalationAlert& b);

}  // namespace dyad
