// Escalation detection on synthetic dyads: series with a known change point (is it found,
// and how late?), series without one (how many false alerts per dyad-year?), and ladder
// crossings from hand-written weeks.
#include <gtest/gtest.h>

#include <iostream>
#include <random>

#include "dyad/cameo.h"
#include "dyad/escalation.h"

namespace {

using dyad::DyadEvent;
using dyad::EscalationAlert;
using dyad::LadderRung;

DyadEvent event(std::string id, int day, std::string code, int mentions = 1) {
  DyadEvent e;
  e.id = std::move(id);
  e.day = day;
  e.code = std::move(code);
  const dyad::CameoCode* c = dyad::find_cameo(e.code);
  e.goldstein = c != nullptr ? c->goldstein_gdelt : 0;
  e.num_mentions = mentions;
  return e;
}

// A dyad's events, week by week: a Poisson number of events a week (rate before and after
// `change_week`), codes drawn from one mix of cooperation, verbal and material conflict.
std::vector<DyadEvent> synthetic_dyad(std::mt19937& rng, int weeks, double rate_before,
                                      double rate_after, int change_week) {
  static const char* kMix[] = {"042", "051", "111", "112", "130", "141", "163", "173",
                               "190", "193", "195", "036"};
  std::vector<DyadEvent> out;
  std::uniform_int_distribution<int> code(0, static_cast<int>(std::size(kMix)) - 1);
  std::uniform_int_distribution<int> weekday(0, 6);
  std::uniform_int_distribution<int> reports(1, 3);
  for (int w = 0; w < weeks; ++w) {
    std::poisson_distribution<int> count(w < change_week ? rate_before : rate_after);
    for (int n = count(rng); n > 0; --n) {
      out.push_back(event("e" + std::to_string(out.size()), w * 7 + weekday(rng), kMix[code(rng)],
                          reports(rng)));
    }
  }
  return out;
}

std::vector<EscalationAlert> change_points(const std::vector<DyadEvent>& events, int weeks) {
  auto alerts = dyad::detect_escalation(events, 0, weeks * 7 - 1, dyad::EscalationOptions{});
  EXPECT_TRUE(alerts.ok());
  std::vector<EscalationAlert> out;
  for (auto& a : *alerts) {
    if (a.kind == EscalationAlert::Kind::kChangePoint) out.push_back(a);
  }
  return out;
}

TEST(Escalation, LadderRungs) {
  EXPECT_EQ(dyad::ladder_rung("042"), LadderRung::kCooperation);
  EXPECT_EQ(dyad::ladder_rung("0874"), LadderRung::kCooperation);
  EXPECT_EQ(dyad::ladder_rung("090"), LadderRung::kVerbalConflict);
  EXPECT_EQ(dyad::ladder_rung("138"), LadderRung::kVerbalConflict);
  EXPECT_EQ(dyad::ladder_rung("141"), LadderRung::kMaterialConflict);
  EXPECT_EQ(dyad::ladder_rung("175"), LadderRung::kMaterialConflict);
  EXPECT_EQ(dyad::ladder_rung("183"), LadderRung::kViolence);
  EXPECT_EQ(dyad::ladder_rung("204"), LadderRung::kViolence);
  EXPECT_FALSE(dyad::ladder_rung("ABC").has_value());
  EXPECT_FALSE(dyad::ladder_rung("21").has_value());
  EXPECT_STREQ(dyad::ladder_rung_name(LadderRung::kMaterialConflict), "material conflict");
}

TEST(Escalation, IntensitySumsNegativeGoldsteinByWeek) {
  const std::vector<DyadEvent> events = {event("a", 0, "195"), event("b", 6, "111"),
                                         event("c", 7, "042"), event("d", 20, "190"),
                                         event("out", 40, "190")};
  const auto series = dyad::conflict_intensity(events, 0, 20, 7);
  ASSERT_EQ(series.size(), 3U);
  EXPECT_DOUBLE_EQ(series[0], 12.0);  // 10 + 2
  EXPECT_DOUBLE_EQ(series[1], 0.0);   // a visit is not conflict
  EXPECT_DOUBLE_EQ(series[2], 10.0);
}

TEST(Escalation, BadOptionsAreErrors) {
  dyad::EscalationOptions o;
  o.period_days = 0;
  auto r = dyad::detect_escalation({}, 0, 100, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, dyad::ErrorCode::kInvalidArgument);
  EXPECT_FALSE(dyad::detect_escalation({}, 100, 0, dyad::EscalationOptions{}).ok());
  EXPECT_TRUE(dyad::detect_escalation({}, 0, 100, dyad::EscalationOptions{})->empty());
}

// A tripled rate of events at week 52 of 104, at three base rates, 30 dyads each. At 0.5
// events a week (about 0.4 conflict events) a tripling is hard to tell from chance within a
// quarter at one false alarm per ten years; at 2 and 5 a week it must be found, and fast.
TEST(Escalation, FindsKnownChangePointsQuickly) {
  std::mt19937 rng(11);
  const int weeks = 104;
  const int change = 52;
  int early = 0, dyads = 0;
  for (const double rate : {0.5, 2.0, 5.0}) {
    int found = 0, delay_sum = 0, max_delay = 0;
    for (int i = 0; i < 30; ++i) {
      const auto events = synthetic_dyad(rng, weeks, rate, 3 * rate, change);
      ++dyads;
      bool detected = false;
      for (const EscalationAlert& a : change_points(events, weeks)) {
        const int week = a.day / 7;
        if (week < change) {
          ++early;
        } else if (!detected && week < change + 13) {
          detected = true;
          ++found;
          delay_sum += week - change;
          max_delay = std::max(max_delay, week - change);
          EXPECT_GT(a.size, 0);
          EXPECT_GT(a.rate_after, a.rate_before);
          EXPECT_FALSE(a.driving_events.empty());
          EXPECT_LE(a.change_day, a.day);
        }
      }
    }
    const double mean_delay = found > 0 ? static_cast<double>(delay_sum) / found : 0;
    std::cout << "[ escalate ] tripled rate from " << rate << " a week: found " << found
              << "/30 within a quarter, mean delay " << mean_delay << " weeks, max " << max_delay << "\n";
    if (rate >= 2.0) {
      EXPECT_GE(found, 29) << rate;
      EXPECT_LE(mean_delay, 4.0) << rate;
    } else {
      EXPECT_GE(found, 12) << rate;  // the first measured value: 14
    }
  }
  std::cout << "[ escalate ] alerts before the change: " << early << " in " << dyads << " dyad-years\n";
  EXPECT_LE(early * 10, dyads);  // the no-change rate: at most 1 per 10 dyad-years
}

// Series with no change at all: at most one alert (of either kind) per 10 dyad-years.
TEST(Escalation, FewFalseAlertsWithoutChange) {
  std::mt19937 rng(23);
  const int weeks = 520;  // ten years
  int alerts = 0, dyad_years = 0;
  for (const double rate : {0.3, 1.0, 3.0, 10.0}) {
    for (int i = 0; i < 10; ++i) {
      const auto events = synthetic_dyad(rng, weeks, rate, rate, weeks);
      auto found = dyad::detect_escalation(events, 0, weeks * 7 - 1, dyad::EscalationOptions{});
      ASSERT_TRUE(found.ok());
      // The first half-year has no history yet: ladder crossings there are not false alerts
      // of a stationary dyad but its first sight of each rung.
      for (const EscalationAlert& a : *found) {
        if (a.day >= 26 * 7) ++alerts;
      }
      dyad_years += 10;
    }
  }
  std::cout << "[ escalate ] no change: " << alerts << " alerts in " << dyad_years
            << " dyad-years\n";
  EXPECT_LE(alerts * 10, dyad_years);
}

TEST(Escalation, LadderCrossingsFromWordsToSanctionsToStrikes) {
  std::vector<DyadEvent> events;
  for (int w = 0; w < 40; ++w) {
    events.push_back(event("talk" + std::to_string(w), w * 7, "036", 2));
    if (w >= 10) events.push_back(event("accuse" + std::to_string(w), w * 7 + 1, "112", 2));
  }
  events.push_back(event("sanctions", 20 * 7 + 2, "163", 4));
  events.push_back(event("one-report-strike", 25 * 7 + 3, "190", 1));  // too thin alone
  events.push_back(event("strike", 30 * 7 + 3, "195", 5));
  events.push_back(event("shelling", 30 * 7 + 4, "194", 2));
  auto alerts = dyad::detect_escalation(events, 0, 40 * 7 - 1, dyad::EscalationOptions{});
  ASSERT_TRUE(alerts.ok());
  std::vector<EscalationAlert> crossings;
  for (auto& a : *alerts) {
    if (a.kind == EscalationAlert::Kind::kLadderCrossing) crossings.push_back(a);
  }
  ASSERT_EQ(crossings.size(), 3U);
  // Week 10: a cooperative dyad starts accusing.
  EXPECT_EQ(crossings[0].day, 10 * 7);
  EXPECT_EQ(crossings[0].from, LadderRung::kCooperation);
  EXPECT_EQ(crossings[0].to, LadderRung::kVerbalConflict);
  // Week 20: sanctions, reported four times.
  EXPECT_EQ(crossings[1].day, 20 * 7);
  EXPECT_EQ(crossings[1].from, LadderRung::kVerbalConflict);
  EXPECT_EQ(crossings[1].to, LadderRung::kMaterialConflict);
  EXPECT_EQ(crossings[1].driving_events, std::vector<std::string>{"sanctions"});
  // Week 30: violence. The one-report strike of week 25 made no alert and does not count
  // as the dyad having been violent before.
  EXPECT_EQ(crossings[2].day, 30 * 7);
  EXPECT_EQ(crossings[2].from, LadderRung::kMaterialConflict);
  EXPECT_EQ(crossings[2].to, LadderRung::kViolence);
  EXPECT_EQ(crossings[2].driving_events, (std::vector<std::string>{"strike", "shelling"}));
}

TEST(Escalation, MostSevereFirst) {
  EscalationAlert strike, protest, bigger_protest;
  strike.to = LadderRung::kViolence;
  strike.size = 1;
  protest.to = LadderRung::kMaterialConflict;
  protest.size = 5;
  bigger_protest.to = LadderRung::kMaterialConflict;
  bigger_protest.size = 9;
  std::vector<EscalationAlert> alerts = {protest, strike, bigger_protest};
  std::sort(alerts.begin(), alerts.end(), dyad::more_severe);
  EXPECT_EQ(alerts[0].to, LadderRung::kViolence);
  EXPECT_DOUBLE_EQ(alerts[1].size, 9);
  EXPECT_DOUBLE_EQ(alerts[2].size, 5);
}

}  // namespace
