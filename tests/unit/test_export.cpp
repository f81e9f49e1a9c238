// Exports of deduplicated events: the GDELT 2.0 event table's 61 columns in GDELT's order,
// PLOVER records, CSV quoting, and `dyad export` / `dyad escalation` over a real store.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dyad/export.h"
#include "dyad/store.h"
#include "test_store_data.h"
#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> split_tabs(const std::string& row) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(row);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  if (!row.empty() && row.back() == '\t') fields.emplace_back();
  return fields;
}

Event strike_event() {
  auto doc = testing::coded_document("Meridian Wire", "2026-03-04",
                                     {"US forces struck a Venezuelan navy base near Puerto Cabello."},
                                     {testing::make_mention("USAMIL", "VENMIL", "195", 0)});
  Event e;
  e.id = "ev-strike";
  e.summary = doc.mentions[0];
  e.summary.provenance.url = "https://example.org/strike";
  e.num_mentions = 3;
  e.num_sources = 2;
  e.first_seen = *parse_date("2026-03-04");
  e.last_seen = *parse_date("2026-03-05");
  return e;
}

TEST(Export, GdeltRowHasGdeltsColumnsInOrder) {
  const auto& columns = gdelt_event_columns();
  ASSERT_EQ(columns.size(), 61u);
  EXPECT_EQ(columns[0], "GLOBALEVENTID");
  EXPECT_EQ(columns[1], "SQLDATE");
  EXPECT_EQ(columns[5], "Actor1Code");
  EXPECT_EQ(columns[15], "Actor2Code");
  EXPECT_EQ(columns[26], "EventCode");
  EXPECT_EQ(columns[29], "QuadClass");
  EXPECT_EQ(columns[30], "GoldsteinScale");
  EXPECT_EQ(columns[31], "NumMentions");
  EXPECT_EQ(columns[60], "SOURCEURL");

  const Event e = strike_event();
  const auto row = split_tabs(gdelt_event_row(e));
  ASSERT_EQ(row.size(), 61u);
  EXPECT_EQ(row[0], std::to_string(gdelt_event_id("ev-strike")));
  EXPECT_EQ(row[1], "20260304");
  EXPECT_EQ(row[5], "USAMIL");
  EXPECT_EQ(row[7], "USA");    // Actor1CountryCode
  EXPECT_EQ(row[12], "MIL");   // Actor1Type1Code
  EXPECT_EQ(row[15], "VENMIL");
  EXPECT_EQ(row[26], "195");
  EXPECT_EQ(row[27], "195");   // EventBaseCode
  EXPECT_EQ(row[28], "19");    // EventRootCode
  EXPECT_EQ(row[29], "4");
  EXPECT_EQ(std::stod(row[30]), -10.0);
  EXPECT_EQ(row[31], "3");
  EXPECT_EQ(row[32], "2");     // NumSources
  EXPECT_EQ(row[60], "https://example.org/strike");
  // GLOBALEVENTID stays within 53 bits, so JSON readers hold it exactly.
  EXPECT_LT(gdelt_event_id("ev-strike"), 1LL << 53);
  EXPECT_NE(gdelt_event_id("ev-strike"), gdelt_event_id("ev-other"));
}

TEST(Export, TabsAndLineBreaksInFieldsDoNotBreakTheRow) {
  Event e = strike_event();
  e.summary.source.text = "US\tforces\nat sea";
  EXPECT_EQ(split_tabs(gdelt_event_row(e)).size(), 61u);
}

TEST(Export, PloverRecordCarriesTypeModeAndActors) {
  const auto j = nlohmann::json::parse(plover_json(strike_event()));
  EXPECT_EQ(j["id"], "ev-strike");
  EXPECT_EQ(j["date"], "2026-03-04");
  EXPECT_EQ(j["event_type"], "ASSAULT");
  EXPECT_EQ(j["actor"]["code"], "USAMIL");
  EXPECT_EQ(j["recipient"]["country"], "VEN");
  EXPECT_EQ(j["cameo"]["code"], "195");
  EXPECT_EQ(j["num_mentions"], 3);
}

TEST(Export, CsvQuotesWhatNeedsQuoting) {
  Event e = strike_event();
  e.summary.provenance.sentence = "He said \"no\", then left";
  const std::string row = csv_row(e);
  EXPECT_NE(row.find("\"He said \"\"no\"\", then left\""), std::string::npos) << row;
  const std::string header = csv_header();
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), static_cast<long>(csv_columns().size() - 1));
}

// The commands over a store written through the Store interface.
class ExportCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad-export-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "events.db").string();
    auto store = open_store(db_);
    ASSERT_TRUE(store.ok()) << store.error().to_string();
    std::vector<CodedDocument> docs;
    // Months of talks, then accusations, then sanctions reported widely, then strikes.
    for (int week = 0; week < 30; ++week) {
      const Date day = Date::from_days(parse_date("2026-01-05")->days() + 7 * week);
      std::vector<std::string> sentences = {"Delegations from both states held talks in week " + std::to_string(week) + "."};
      std::vector<Mention> mentions = {testing::make_mention("USAGOV", "VENGOV", "036", 0)};
      if (week >= 10) {
        sentences.push_back("Washington accused Caracas of abuses in week " + std::to_string(week) + ".");
        mentions.push_back(testing::make_mention("USAGOV", "VENGOV", "112", 1));
      }
      if (week >= 20) {
        sentences.push_back("The Treasury widened sanctions in week " + std::to_string(week) + ".");
        mentions.push_back(testing::make_mention("USAGOV", "VENGOV", "163", 2));
      }
      if (week >= 26) {
        sentences.push_back("US aircraft struck a Venezuelan port in week " + std::to_string(week) + ".");
        mentions.push_back(testing::make_mention("USAMIL", "VENMIL", "195", 3));
        sentences.push_back("A US drone hit a second Venezuelan target in week " + std::to_string(week) + ".");
        mentions.push_back(testing::make_mention("USAMIL", "VENMIL", "190", 4));
      }
      docs.push_back(testing::coded_document("Outlet", day.to_string(), sentences, mentions));
    }
    auto written = (*store)->write(docs);
    ASSERT_TRUE(written.ok()) << written.error().to_string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::string db_;
};

TEST_F(ExportCommand, WritesEveryFormatWithFilters) {
  const auto gdelt = testing::run_dyad("export --format gdelt --code 19 --db " + db_);
  ASSERT_EQ(gdelt.status, 0);
  std::istringstream rows(gdelt.out);
  std::string row;
  int n = 0;
  while (std::getline(rows, row)) {
    const auto fields = split_tabs(row);
    ASSERT_EQ(fields.size(), 61u);
    EXPECT_EQ(fields[28], "19");
    ++n;
  }
  EXPECT_GT(n, 0);

  const auto csv = testing::run_dyad("export --format csv --from 2026-01-01 --to 2026-01-31 --db " + db_);
  ASSERT_EQ(csv.status, 0);
  EXPECT_EQ(csv.out.rfind("event_id,", 0), 0u) << csv.out.substr(0, 80);
  EXPECT_EQ(csv.out.find("2026-02-"), std::string::npos);

  const auto jsonl = testing::run_dyad("export --format jsonl --limit 3 --db " + db_);
  ASSERT_EQ(jsonl.status, 0);
  std::istringstream lines(jsonl.out);
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    const auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j.contains("event_id"));
    EXPECT_GE(j["num_mentions"].get<int>(), 1);
  }
  EXPECT_EQ(count, 3);

  EXPECT_EQ(testing::run_dyad("export --format nope --db " + db_).status, 2);
  EXPECT_EQ(testing::run_dyad("export --db /nonexistent-dir/x.db").status, 2);
}

TEST_F(ExportCommand, EscalationListsTheSlideMostSevereFirst) {
  const auto r = testing::run_dyad("escalation --db " + db_);
  ASSERT_EQ(r.status, 0);
  std::istringstream lines(r.out);
  std::vector<std::string> alerts;
  std::string line;
  std::getline(lines, line);  // the header
  while (std::getline(lines, line)) alerts.push_back(line);
  ASSERT_GE(alerts.size(), 3u) << r.out;
  // Violence first (week 26: 2026-07-06, two strikes at once), then the sanctions and the
  // accusations, each alerted in its second week (one single-source report is not enough).
  EXPECT_EQ(alerts[0].rfind("2026-07-06  USA-VEN   ladder  material conflict -> violence", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("2026-06-01  USA-VEN   ladder  verbal conflict -> material conflict"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("2026-03-23  USA-VEN   ladder  cooperation -> verbal conflict"), std::string::npos) << r.out;
  const auto since = testing::run_dyad("escalation --since 2026-07-01 --db " + db_);
  ASSERT_EQ(since.status, 0);
  EXPECT_EQ(since.out.find("2026-06-01"), std::string::npos);
  EXPECT_NE(since.out.find("2026-07-06"), std::string::npos);
}

}  // namespace
}  // namespace dyad
