// Deduplication rules on small hand-made cases: which mentions become one event, and which
// id the event gets. The labelled-set evaluation is in test_dedup_eval.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "dyad/dedup.h"

namespace {

using dyad::DedupMention;

DedupMention mention(std::string id, std::string source, std::string target, std::string code,
                     int day, std::string text, std::string place = "") {
  DedupMention m;
  m.id = std::move(id);
  m.source = std::move(source);
  m.target = std::move(target);
  m.code = std::move(code);
  m.day = day;
  m.text = std::move(text);
  m.place = std::move(place);
  m.outlet = "outlet-" + m.id;
  m.document_id = "doc-" + m.id;
  return m;
}

std::unordered_map<std::string, std::string> run(const std::vector<DedupMention>& ms) {
  return dyad::assign_events(ms, {}, dyad::DedupOptions{});
}

TEST(Dedup, CodeFamilies) {
  struct Case {
    const char* a;
    const char* b;
    bool compatible;
  };
  const Case cases[] = {
      {"195", "190", true},   {"183", "190", true},  {"202", "195", true},
      {"042", "043", true},   {"141", "175", false}, {"111", "112", true},
      {"036", "042", false},  {"ABC", "ABC", true},  {"ABC", "ABD", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(dyad::dedup_codes_compatible(c.a, c.b), c.compatible) << c.a << " " << c.b;
  }
}

TEST(Dedup, TextSimilarityFavoursSharedNames) {
  const std::string a = "Russian warplanes bombed rebel positions in Idlib on Tuesday.";
  const std::string same = "Russian jets struck insurgent positions around Idlib.";
  const std::string other = "Russian warplanes bombed rebel positions in Aleppo on Tuesday.";
  EXPECT_DOUBLE_EQ(dyad::dedup_text_similarity(a, a), 1.0);
  EXPECT_GT(dyad::dedup_text_similarity(a, same), 0.3);
  EXPECT_LT(dyad::dedup_text_similarity(a, other), 1.0);
  EXPECT_EQ(dyad::dedup_text_similarity("", a), 0.0);
  // Weekday names and stopwords alone make nothing similar.
  EXPECT_EQ(dyad::dedup_text_similarity("It was on Tuesday.", "They said that on Tuesday."), 0.0);
}

TEST(Dedup, OneEventReportedThreeWays) {
  const std::vector<DedupMention> ms = {
      mention("a", "RUSMIL", "SYRREB", "195", 100,
              "Russian warplanes bombed rebel positions near Saraqib, a monitor said.",
              "SY:Saraqib"),
      mention("b", "RUSMIL", "SYRREB", "190", 101,
              "Russian forces attacked rebel-held Saraqib overnight, activists reported.",
              "SY:Saraqib"),
      // No place known: the sentence and the code carry it.
      mention("c", "RUS", "SYRREB", "195", 100, "Russia carried out air strikes on Saraqib."),
  };
  const auto events = run(ms);
  ASSERT_EQ(events.size(), 3U);
  EXPECT_EQ(events.at("a"), events.at("b"));
  EXPECT_EQ(events.at("a"), events.at("c"));
  EXPECT_EQ(events.at("a"), "ev-a");  // named after its earliest mention (day, then id)
}

TEST(Dedup, HardRulesKeepEventsApart) {
  const std::string text = "Police fired tear gas at protesters in the capital.";
  const std::vector<DedupMention> ms = {
      // Same words, but a week apart: the window keeps them apart.
      mention("w1", "FRACOP", "FRAOPP", "175", 200, text),
      mention("w2", "FRACOP", "FRAOPP", "175", 207, text),
      // Same day and dyad, two known places.
      mention("p1", "ISRMIL", "PSEREB", "190", 300, "Israeli troops raided a camp.", "PS:Jenin"),
      mention("p2", "ISRMIL", "PSEREB", "190", 300, "Israeli troops raided a camp.", "PS:Nablus"),
      // Protest and crackdown: different families.
      mention("c1", "FRAOPP", "FRAGOV", "141", 400, text),
      mention("c2", "FRACOP", "FRAOPP", "175", 400, text),
      // A visit and the return visit, even on days within the window.
      mention("v1", "CHNGOV", "RUSGOV", "042", 500, "Chinese leader visited Moscow for talks."),
      mention("v2", "RUSGOV", "CHNGOV", "042", 501, "Russian leader visited Beijing for talks."),
  };
  const auto events = run(ms);
  EXPECT_NE(events.at("w1"), events.at("w2"));
  EXPECT_NE(events.at("p1"), events.at("p2"));
  EXPECT_NE(events.at("c1"), events.at("c2"));
  EXPECT_NE(events.at("v1"), events.at("v2"));
}

TEST(Dedup, HostingIsTheSameVisitAndTalksHaveNoDirection) {
  const std::vector<DedupMention> ms = {
      mention("v1", "JPNGOV", "KORGOV", "042", 50, "Japan's prime minister visited Seoul."),
      mention("v2", "KORGOV", "JPNGOV", "043", 50,
              "South Korea's president hosted Japan's prime minister in Seoul."),
      mention("t1", "DEUGOV", "FRAGOV", "040", 60, "German and French ministers met in Aachen."),
      mention("t2", "FRAGOV", "DEUGOV", "040", 60, "French and German ministers met in Aachen."),
  };
  const auto events = run(ms);
  EXPECT_EQ(events.at("v1"), events.at("v2"));
  EXPECT_EQ(events.at("t1"), events.at("t2"));
}

TEST(Dedup, InputOrderDoesNotMatter) {
  std::vector<DedupMention> ms;
  for (int i = 0; i < 40; ++i) {
    const std::string place = i % 3 == 0 ? "" : "P" + std::to_string(i % 5);
    ms.push_back(mention("m" + std::to_string(i), i % 2 ? "USAMIL" : "USA", "IRNMIL",
                         i % 4 ? "190" : "195", 1000 + i % 6,
                         "Strike number " + std::to_string(i % 7) + " near Town" +
                             std::to_string(i % 5),
                         place));
  }
  const auto reference = run(ms);
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(ms.begin(), ms.end(), rng);
    EXPECT_EQ(run(ms), reference) << "round " << round;
  }
}

TEST(Dedup, EventKeepsItsIdWhenLaterMentionsJoin) {
  std::vector<DedupMention> ms = {
      mention("b", "TURMIL", "SYRREB", "195", 10, "Turkish drones struck Kobani."),
      mention("c", "TURMIL", "SYRREB", "195", 10, "Turkish drones hit targets in Kobani."),
  };
  auto first = run(ms);
  ASSERT_EQ(first.at("b"), first.at("c"));
  const std::string id = first.at("b");
  // A later report, whose id sorts first, joins the event: the event keeps its id.
  ms.push_back(mention("a", "TURMIL", "SYRREB", "195", 11, "Kobani was struck by Turkish drones."));
  const auto second = dyad::assign_events(ms, first, dyad::DedupOptions{});
  EXPECT_EQ(second.at("a"), id);
  EXPECT_EQ(second.at("b"), id);
  EXPECT_EQ(second.at("c"), id);
}

TEST(Dedup, SplitEventGivesItsOldIdToOneGroupOnly) {
  // Earlier, both were (wrongly) one event "E1"; now the places are known and differ.
  std::vector<DedupMention> ms = {
      mention("x", "ISRMIL", "PSEREB", "190", 5, "Troops raided Jenin.", "PS:Jenin"),
      mention("y", "ISRMIL", "PSEREB", "190", 5, "Troops raided Jenin.", "PS:Tubas"),
  };
  const auto events = dyad::assign_events(ms, {{"x", "E1"}, {"y", "E1"}}, dyad::DedupOptions{});
  EXPECT_NE(events.at("x"), events.at("y"));
  EXPECT_TRUE(events.at("x") == "E1" || events.at("y") == "E1");
  EXPECT_EQ(events.at("x"), "E1");  // tie on count: the earlier group (day, then id) keeps it
}

TEST(Dedup, DuplicateMentionIdsAreTakenOnce) {
  const std::vector<DedupMention> ms = {
      mention("a", "USA", "CAN", "036", 1, "Washington offered talks."),
      mention("a", "USA", "CAN", "036", 1, "Washington offered talks."),
  };
  EXPECT_EQ(run(ms).size(), 1U);
  EXPECT_TRUE(dyad::assign_events({}, {}, dyad::DedupOptions{}).empty());
}

TEST(Dedup, PairScores) {
  // Gold: {a,b,c} {d}; predicted: {a,b} {c,d}.
  const std::unordered_map<std::string, std::string> gold = {
      {"a", "1"}, {"b", "1"}, {"c", "1"}, {"d", "2"}};
  const std::unordered_map<std::string, std::string> predicted = {
      {"a", "x"}, {"b", "x"}, {"c", "y"}, {"d", "y"}};
  const dyad::PairScores s = dyad::score_pairs(predicted, gold);
  EXPECT_EQ(s.true_positives, 1);
  EXPECT_EQ(s.false_positives, 1);
  EXPECT_EQ(s.false_negatives, 2);
  EXPECT_DOUBLE_EQ(s.precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.recall(), 1.0 / 3.0);
}

}  // namespace

namespace {

// A dense month of reports in two dyads: strikes, clashes and talks retold in a few
// wordings, so that events chain day after day and batch edges fall inside them.
std::vector<DedupMention> dense_month(std::uint32_t seed) {
  const char* words[] = {"Jets bombed the harbour at Tamsel overnight.", "Aircraft struck the Tamsel harbour.",
                         "Troops clashed with militia near Orvik.", "Soldiers fought militiamen outside Orvik.",
                         "The ministers held talks in Belmar.", "Talks between the ministers opened in Belmar."};
  const char* codes[] = {"195", "190", "190", "193", "040", "043"};
  const char* sources[] = {"USAMIL", "USA", "VENMIL", "COLGOV"};
  const char* targets[] = {"VENMIL", "VEN", "USAMIL", "VENGOV"};
  std::mt19937 rng(seed);
  std::vector<DedupMention> out;
  for (int i = 0; i < 160; ++i) {
    const auto kind = rng() % 6;
    const auto who = rng() % 4;
    out.push_back(mention("m" + std::to_string(i), sources[who], targets[who], codes[kind],
                          static_cast<int>(rng() % 30), words[kind]));
  }
  return out;
}

// The events of a grouping as sets of mention ids.
std::set<std::set<std::string>> partition(const std::unordered_map<std::string, std::string>& events) {
  std::map<std::string, std::set<std::string>> by_event;
  for (const auto& [mention, event] : events) by_event[event].insert(mention);
  std::set<std::set<std::string>> out;
  for (auto& [event, members] : by_event) out.insert(std::move(members));
  return out;
}

// Feeds mentions to a "store" in batches through regroup_events, loading only the days it
// needs, and removes some on the way; returns the final grouping.
std::unordered_map<std::string, std::string> feed_in_batches(std::vector<DedupMention> ms, std::size_t batch,
                                                             const std::set<std::string>& removed_after) {
  std::vector<DedupMention> stored;
  std::unordered_map<std::string, std::string> events;
  const dyad::DedupOptions options;
  auto apply = [&](const std::vector<DedupMention>& fresh, const std::set<int>& removed_days) {
    int first = removed_days.empty() ? 1 << 20 : *removed_days.begin();
    int last = removed_days.empty() ? -(1 << 20) : *removed_days.rbegin();
    for (const auto& m : fresh) {
      first = std::min(first, m.day);
      last = std::max(last, m.day);
    }
    int through = last + 3;
    for (int attempt = 0; attempt < 10; ++attempt) {
      std::vector<DedupMention> loaded;
      for (const auto& m : stored) {
        if (m.day >= first - 2 * options.window_days && m.day <= through) loaded.push_back(m);
      }
      const auto r = dyad::regroup_events(loaded, events, fresh, removed_days, through, options);
      if (r.needs_through) {
        EXPECT_GT(*r.needs_through, through);
        through = *r.needs_through;
        continue;
      }
      for (const auto& m : fresh) EXPECT_TRUE(r.events.contains(m.id)) << m.id;
      for (const auto& [id, event] : r.events) events[id] = event;
      for (const auto& m : fresh) stored.push_back(m);
      return;
    }
    ADD_FAILURE() << "regrouping never settled";
  };
  for (std::size_t at = 0; at < ms.size(); at += batch) {
    std::vector<DedupMention> fresh(ms.begin() + static_cast<long>(at),
                                    ms.begin() + static_cast<long>(std::min(at + batch, ms.size())));
    apply(fresh, {});
  }
  // Re-coding drops some mentions: their days are the change.
  std::set<int> removed_days;
  std::erase_if(stored, [&](const DedupMention& m) {
    if (!removed_after.contains(m.id)) return false;
    removed_days.insert(m.day);
    events.erase(m.id);
    return true;
  });
  if (!removed_days.empty()) apply({}, removed_days);
  return events;
}

TEST(Regroup, BatchesGroupAsAllAtOnce) {
  for (const std::uint32_t seed : {1U, 2U, 3U}) {
    auto ms = dense_month(seed);
    const auto whole = partition(run(ms));
    ASSERT_GT(whole.size(), 20U);
    ASSERT_LT(whole.size(), ms.size());
    std::mt19937 rng(seed + 100);
    for (const std::size_t batch : {1UL, 7UL, 40UL}) {
      std::shuffle(ms.begin(), ms.end(), rng);
      EXPECT_EQ(partition(feed_in_batches(ms, batch, {})), whole) << "seed " << seed << ", batch " << batch;
    }
    // In date order, as a feed arrives.
    std::sort(ms.begin(), ms.end(), [](const auto& a, const auto& b) { return std::tie(a.day, a.id) < std::tie(b.day, b.id); });
    EXPECT_EQ(partition(feed_in_batches(ms, 16, {})), whole) << "seed " << seed << ", date order";
  }
}

TEST(Regroup, RemovedMentionsLeaveTheGroupingOfTheRest) {
  auto ms = dense_month(9);
  const std::set<std::string> removed = {"m3", "m17", "m40", "m41", "m90", "m120"};
  std::vector<DedupMention> kept;
  for (const auto& m : ms) {
    if (!removed.contains(m.id)) kept.push_back(m);
  }
  std::mt19937 rng(5);
  std::shuffle(ms.begin(), ms.end(), rng);
  EXPECT_EQ(partition(feed_in_batches(ms, 12, removed)), partition(run(kept)));
}

TEST(Regroup, AnEventKeepsItsIdWhenLaterReportsJoin) {
  const std::vector<DedupMention> first = {
      mention("a", "USAMIL", "VENMIL", "195", 10, "Jets bombed the harbour at Tamsel overnight.")};
  const auto r1 = dyad::regroup_events({}, {}, first, {}, 20, dyad::DedupOptions{});
  ASSERT_FALSE(r1.needs_through);
  const std::vector<DedupMention> later = {
      mention("b", "USAMIL", "VENMIL", "195", 9, "Aircraft struck the Tamsel harbour, jets bombed it.")};
  const auto r2 = dyad::regroup_events(first, r1.events, later, {}, 20, dyad::DedupOptions{});
  ASSERT_FALSE(r2.needs_through);
  // An earlier report joins: the event is the one that existed, and keeps its id.
  EXPECT_EQ(r2.events.at("b"), r1.events.at("a"));
  EXPECT_EQ(r2.events.at("a"), r1.events.at("a"));
}

}  // namespace
