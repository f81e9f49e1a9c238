// Deduplication on our labelled set (tests/dedup/labelled.jsonl, README there): pair
// precision and recall on the development and the held-out groups, with floors at the first
// measured values, and the order and id-stability properties on realistic data.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "dyad/date.h"
#include "dyad/dedup.h"

namespace {

const std::string kLabelled = std::string(DYAD_SOURCE_DIR) + "/tests/dedup/labelled.jsonl";

struct Labelled {
  dyad::DedupMention mention;
  std::string group;
  std::string split;
  std::string country;
};

// The set as the store would give it. `countries`: the place is the event's country, as it
// is until geolocation lands, instead of the town-level place key.
std::vector<Labelled> load(bool countries) {
  std::vector<Labelled> out;
  std::ifstream in(kLabelled);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    const auto j = nlohmann::json::parse(line);
    Labelled l;
    l.group = j.at("group").get<std::string>();
    l.split = j.at("split").get<std::string>();
    l.country = j.at("country").get<std::string>();
    dyad::DedupMention& m = l.mention;
    m.id = j.at("id").get<std::string>();
    m.source = j.at("source").get<std::string>();
    m.target = j.at("target").get<std::string>();
    m.code = j.at("code").get<std::string>();
    const auto date = dyad::parse_date(j.at("date").get<std::string>());
    EXPECT_TRUE(date.has_value()) << kLabelled << ":" << line_no;
    m.day = date ? static_cast<int>(date->days()) : 0;
    m.place = countries ? l.country : j.at("place").get<std::string>();
    m.outlet = j.at("outlet").get<std::string>();
    m.document_id = j.at("document").get<std::string>();
    m.text = j.at("text").get<std::string>();
    out.push_back(std::move(l));
  }
  return out;
}

dyad::PairScores evaluate(const std::vector<Labelled>& set, const std::string& split) {
  std::vector<dyad::DedupMention> mentions;
  std::unordered_map<std::string, std::string> gold;
  for (const Labelled& l : set) {
    if (l.split != split) continue;
    mentions.push_back(l.mention);
    gold[l.mention.id] = l.group;
  }
  const auto predicted = dyad::assign_events(mentions, {}, dyad::DedupOptions{});
  EXPECT_EQ(predicted.size(), mentions.size());
  return dyad::score_pairs(predicted, gold);
}

void report(const char* name, const dyad::PairScores& s) {
  std::cout << "[ dedup    ] " << name << ": P=" << s.precision() << " R=" << s.recall()
            << " F1=" << s.f1() << " (tp " << s.true_positives << ", fp " << s.false_positives
            << ", fn " << s.false_negatives << ")\n";
}

TEST(DedupEval, TheSetIsWhatTheReadmeSays) {
  const auto set = load(false);
  std::set<std::string> dev, heldout;
  std::map<std::string, std::set<std::string>> outlets;
  for (const Labelled& l : set) {
    (l.split == "dev" ? dev : heldout).insert(l.group);
    outlets[l.group].insert(l.mention.outlet);
  }
  EXPECT_GE(dev.size() + heldout.size(), 60U);
  EXPECT_GE(heldout.size(), 20U);
  // Every group's reports come from different outlets.
  for (const auto& [group, names] : outlets) {
    const auto n = std::count_if(set.begin(), set.end(),
                                 [&](const Labelled& l) { return l.group == group; });
    EXPECT_EQ(static_cast<long>(names.size()), n) << group;
  }
}

// Floors: the values first measured with the tuned defaults (docs/dedup.md has the table,
// with the untuned first version's). Targets P >= 0.9, R >= 0.85.
TEST(DedupEval, PairScoresWithPlaces) {
  const auto set = load(false);
  const auto dev = evaluate(set, "dev");
  const auto heldout = evaluate(set, "heldout");
  report("dev, places", dev);
  report("held-out, places", heldout);
  EXPECT_GE(dev.precision(), 0.99);
  EXPECT_GE(dev.recall(), 0.94);
  EXPECT_GE(heldout.precision(), 0.99);
  EXPECT_GE(heldout.recall(), 0.91);
}

TEST(DedupEval, PairScoresWithCountriesStandingInForPlaces) {
  const auto set = load(true);
  const auto dev = evaluate(set, "dev");
  const auto heldout = evaluate(set, "heldout");
  report("dev, countries", dev);
  report("held-out, countries", heldout);
  EXPECT_GE(dev.precision(), 0.75);
  EXPECT_GE(dev.recall(), 0.89);
  EXPECT_GE(heldout.precision(), 0.94);
  EXPECT_GE(heldout.recall(), 0.80);
}

TEST(DedupEval, ShufflingTheInputDoesNotChangeTheEvents) {
  for (const bool countries : {false, true}) {
    const auto set = load(countries);
    std::vector<dyad::DedupMention> mentions;
    for (const Labelled& l : set) mentions.push_back(l.mention);
    const auto reference = dyad::assign_events(mentions, {}, dyad::DedupOptions{});
    std::mt19937 rng(2025);
    for (int round = 0; round < 25; ++round) {
      std::shuffle(mentions.begin(), mentions.end(), rng);
      ASSERT_EQ(dyad::assign_events(mentions, {}, dyad::DedupOptions{}), reference)
          << "round " << round << (countries ? " (countries)" : " (places)");
    }
  }
}

// As the store runs it: batch after batch, each run over everything so far with the earlier
// assignments. Once an event has an id, later mentions joining it never change that id.
TEST(DedupEval, EventsKeepTheirIdsAsLaterReportsArrive) {
  auto set = load(false);
  std::sort(set.begin(), set.end(), [](const Labelled& a, const Labelled& b) {
    return std::tie(a.mention.day, a.mention.id) < std::tie(b.mention.day, b.mention.id);
  });
  std::vector<dyad::DedupMention> so_far;
  std::unordered_map<std::string, std::string> previous;
  int kept = 0;
  for (std::size_t i = 0; i < set.size(); ++i) {
    so_far.push_back(set[i].mention);
    // A batch ends with each new day (and at the end).
    if (i + 1 < set.size() && set[i + 1].mention.day == set[i].mention.day) continue;
    const auto now = dyad::assign_events(so_far, previous, dyad::DedupOptions{});
    for (const auto& [mention, event] : previous) {
      // An event that keeps any of its mentions keeps its id: no event here splits.
      EXPECT_EQ(now.at(mention), event) << mention;
      ++kept;
    }
    previous = now;
  }
  EXPECT_GT(kept, 100);
  // And the final ids are those of a single run over everything, up to naming: the same
  // partition.
  const auto all = dyad::assign_events(so_far, {}, dyad::DedupOptions{});
  const auto agree = dyad::score_pairs(previous, all);
  EXPECT_EQ(agree.false_positives + agree.false_negatives, 0);
}

}  // namespace
