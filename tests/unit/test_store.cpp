// The store suite: the same cases on SQLite and on a throwaway PostgreSQL server.
#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "dyad/store.h"
#include "pg_server.h"
#include "store/database.h"
#include "store/events.h"
#include "test_store_data.h"

namespace dyad {
namespace {

using testing::coded_document;
using testing::make_mention;

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      DYAD_REQUIRE_POSTGRES(url_);
    } else {
      dir_ = std::filesystem::temp_directory_path() /
             ("dyad-store-" + std::to_string(::getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
      url_ = "sqlite:" + (dir_ / "test.db").string();
    }
    store_ = open();
  }
  void TearDown() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<Store> open() {
    auto s = open_store(url_);
    EXPECT_TRUE(s.ok()) << (s ? "" : s.error().to_string());
    return s ? std::move(*s) : nullptr;
  }

  // A new, empty store of the same backend in place of the current one.
  void reopen_empty() {
    store_.reset();
    if (GetParam() == "postgres") {
      std::string why;
      url_ = testing::fresh_pg_database(why);
      ASSERT_FALSE(url_.empty()) << why;
    } else {
      url_ = "sqlite:" + (dir_ / ("test-" + std::to_string(++reopened_) + ".db")).string();
    }
    store_ = open();
  }

  StoreCounts counts() {
    auto c = store_->counts();
    EXPECT_TRUE(c.ok()) << (c ? "" : c.error().to_string());
    return c ? *c : StoreCounts{};
  }

  WriteReport write(const std::vector<CodedDocument>& docs) {
    auto r = store_->write(docs);
    EXPECT_TRUE(r.ok()) << (r ? "" : r.error().to_string());
    return r ? *r : WriteReport{};
  }

  std::filesystem::path dir_;
  std::string url_;
  std::unique_ptr<Store> store_;
  int reopened_ = 0;
};

// Three outlets report one strike; a fourth report is a different act a week later.
std::vector<CodedDocument> strike_reports() {
  return {
      coded_document("Meridian Wire", "2026-03-04",
                     {"US forces struck a Venezuelan navy base near Puerto Cabello on Tuesday."},
                     {make_mention("USAMIL", "VENMIL", "195", 0)}),
      coded_document("Harbour Post", "2026-03-04",
                     {"American aircraft struck the Venezuelan navy base at Puerto Cabello."},
                     {make_mention("USAMIL", "VENMIL", "195", 0)}),
      coded_document("Daily Ledger", "2026-03-05",
                     {"The US military struck a Venezuelan navy base near Puerto Cabello, officials said."},
                     {make_mention("USAMIL", "VENMIL", "195", 0)}),
      coded_document("Daily Ledger", "2026-03-12",
                     {"Venezuela expelled the US ambassador over the strike."},
                     {make_mention("VENGOV", "USAGOV", "174", 0)}),
  };
}

TEST_P(StoreTest, OpensMigratedAndReopensWithoutChange) {
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(store_->backend(), GetParam());
  EXPECT_EQ(store_schema_version(), 5);
  write(strike_reports());
  const StoreCounts before = counts();
  store_ = open();  // migrations already applied: opening again changes nothing
  ASSERT_NE(store_, nullptr);
  const StoreCounts after = counts();
  EXPECT_EQ(before.documents, after.documents);
  EXPECT_EQ(before.mentions, after.mentions);
  EXPECT_EQ(before.events, after.events);
}

TEST_P(StoreTest, WritesAndReadsBackADocument) {
  ASSERT_NE(store_, nullptr);
  auto doc = coded_document("Meridian Wire", "2026-03-04",
                            {"US forces struck a navy base.", "Venezuela did not retaliate."},
                            {make_mention("USAMIL", "VENMIL", "195", 0), make_mention("VENGOV", "USAGOV", "190", 1)});
  doc.mentions[1].context.negated = true;
  doc.mentions[1].context.claimed_by = "officials";
  const WriteReport r = write({doc});
  EXPECT_EQ(r.added, 1u);
  EXPECT_EQ(r.sentences, 2u);
  EXPECT_EQ(r.mentions, 2u);

  auto back = store_->document(doc.document.id);
  ASSERT_TRUE(back.ok()) << back.error().to_string();
  EXPECT_EQ(back->text, doc.document.text);
  EXPECT_EQ(back->external_id, doc.document.external_id);
  EXPECT_EQ(back->source, "Meridian Wire");
  EXPECT_EQ(back->published.to_string(), "2026-03-04");

  auto sentences = store_->sentences(doc.document.id);
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[1].text, "Venezuela did not retaliate.");
  EXPECT_EQ((*sentences)[1].span, doc.sentences[1].span);

  auto mentions = store_->mentions(doc.document.id);
  ASSERT_TRUE(mentions.ok()) << mentions.error().to_string();
  ASSERT_EQ(mentions->size(), 2u);
  const StoredMention& strike = (*mentions)[0];
  EXPECT_EQ(strike.id, doc.document.id + "-0");
  EXPECT_EQ(strike.mention.source.code_string(), "USAMIL");
  EXPECT_EQ(strike.mention.target.code_string(), "VENMIL");
  EXPECT_EQ(strike.mention.code, "195");
  EXPECT_EQ(strike.mention.root, "19");
  EXPECT_EQ(strike.mention.quad_class, 4);
  EXPECT_DOUBLE_EQ(strike.mention.goldstein, doc.mentions[0].goldstein);
  EXPECT_EQ(strike.mention.provenance.sentence, "US forces struck a navy base.");
  EXPECT_EQ(strike.mention.provenance.verb_span, doc.mentions[0].provenance.verb_span);
  EXPECT_EQ(strike.mention.versions.dictionaries, doc.versions.dictionaries);
  EXPECT_EQ(strike.mention.report_date.to_string(), "2026-03-04");
  EXPECT_EQ(strike.place, "VEN");
  EXPECT_EQ(strike.outlet, "Meridian Wire");
  EXPECT_FALSE(strike.event_id.empty());
  // The negated act is kept as a mention, with its context, but is no event.
  const StoredMention& denied = (*mentions)[1];
  EXPECT_TRUE(denied.mention.context.negated);
  EXPECT_EQ(denied.mention.context.claimed_by, "officials");
  EXPECT_TRUE(denied.event_id.empty());
  EXPECT_EQ(counts().events, 1);
  EXPECT_EQ(counts().actors, 4);
}

TEST_P(StoreTest, WritingTheSameCodingAgainChangesNothing) {
  ASSERT_NE(store_, nullptr);
  write(strike_reports());
  const StoreCounts first = counts();
  auto events_before = store_->events({});
  const WriteReport again = write(strike_reports());
  EXPECT_EQ(again.unchanged, 4u);
  EXPECT_EQ(again.added + again.replaced + again.mentions, 0u);
  const StoreCounts second = counts();
  EXPECT_EQ(first.documents, second.documents);
  EXPECT_EQ(first.sentences, second.sentences);
  EXPECT_EQ(first.mentions, second.mentions);
  EXPECT_EQ(first.events, second.events);
  auto events_after = store_->events({});
  ASSERT_TRUE(events_before.ok() && events_after.ok());
  ASSERT_EQ(events_before->size(), events_after->size());
  for (std::size_t i = 0; i < events_before->size(); ++i) {
    EXPECT_EQ((*events_before)[i].id, (*events_after)[i].id);
    EXPECT_EQ((*events_before)[i].num_mentions, (*events_after)[i].num_mentions);
  }
}

TEST_P(StoreTest, ANewCodingReplacesTheMentionsWhole) {
  ASSERT_NE(store_, nullptr);
  auto docs = strike_reports();
  write(docs);
  // A dictionary change: the first report is now coded as a different act, with two events.
  CodedDocument recoded = docs[0];
  recoded.versions.dictionaries = "dict-v2";
  recoded.mentions = {make_mention("USAMIL", "VENMIL", "190", 0), make_mention("USAGOV", "VENGOV", "172", 0)};
  for (auto& m : recoded.mentions) m.versions.dictionaries = "dict-v2";
  const WriteReport r = write({recoded});
  EXPECT_EQ(r.replaced, 1u);
  auto mentions = store_->mentions(recoded.document.id);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 2u);
  EXPECT_EQ((*mentions)[0].mention.code, "190");
  EXPECT_EQ((*mentions)[1].mention.code, "172");
  EXPECT_EQ((*mentions)[1].mention.versions.dictionaries, "dict-v2");
  auto versions = store_->coded_with(recoded.document.id);
  ASSERT_TRUE(versions.ok() && versions->has_value());
  EXPECT_EQ((*versions)->dictionaries, "dict-v2");
  EXPECT_EQ(counts().mentions, 5);
  EXPECT_EQ(counts().sentences, 4);
  // Every event still adds up to the mentions that point at it.
  auto events = store_->events({});
  ASSERT_TRUE(events.ok());
  const int grouped = std::accumulate(events->begin(), events->end(), 0,
                                      [](int n, const StoredEvent& e) { return n + e.num_mentions; });
  EXPECT_EQ(grouped, 5);
}

TEST_P(StoreTest, AFailedBatchKeepsNothingOfIt) {
  ASSERT_NE(store_, nullptr);
  auto docs = strike_reports();
  write({docs[0]});
  // Two sentences with one index break the sentences key: the whole batch must roll back.
  CodedDocument broken = docs[2];
  broken.sentences.push_back(broken.sentences.front());
  auto r = store_->write(std::vector<CodedDocument>{docs[1], broken, docs[3]});
  EXPECT_FALSE(r.ok());
  const StoreCounts c = counts();
  EXPECT_EQ(c.documents, 1);
  EXPECT_EQ(c.sentences, 1);
  EXPECT_EQ(c.mentions, 1);
  EXPECT_EQ(c.events, 1);
  // The store is still usable after the rollback.
  EXPECT_EQ(write({docs[1], docs[3]}).added, 2u);
}

TEST_P(StoreTest, ReportsOfOneStrikeBecomeOneEventThatKeepsItsId) {
  ASSERT_NE(store_, nullptr);
  auto docs = strike_reports();
  write({docs[0], docs[1]});
  auto first = store_->events({});
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].num_mentions, 2);
  const std::string id = (*first)[0].id;

  write({docs[2], docs[3]});
  auto events = store_->events({});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  const StoredEvent& strike = (*events)[0];
  EXPECT_EQ(strike.id, id);
  EXPECT_EQ(strike.code, "195");
  EXPECT_EQ(strike.num_mentions, 3);
  EXPECT_EQ(strike.num_sources, 3);
  EXPECT_EQ(strike.date.to_string(), "2026-03-04");
  EXPECT_EQ(strike.first_seen.to_string(), "2026-03-04");
  EXPECT_EQ(strike.last_seen.to_string(), "2026-03-05");
  EXPECT_EQ(strike.source_country, "USA");
  EXPECT_EQ(strike.target_country, "VEN");
  EXPECT_EQ((*events)[1].code, "174");
  EXPECT_EQ((*events)[1].num_mentions, 1);
}

// A batch regroups only the days around its reports: a report months away in the same
// batch neither joins the strike nor keeps a later report of the strike from joining it.
TEST_P(StoreTest, ABatchSpreadOverMonthsRegroupsEachStretchOnItsOwn) {
  ASSERT_NE(store_, nullptr);
  auto docs = strike_reports();
  const CodedDocument months_later =
      coded_document("North Star", "2026-09-20", {"US forces struck a Venezuelan navy base again."},
                     {make_mention("USAMIL", "VENMIL", "195", 0)});
  write({docs[0], months_later});
  write({docs[1], docs[2]});
  auto events = store_->events({});
  ASSERT_TRUE(events.ok());
  std::vector<int> strike_mentions;
  for (const auto& e : *events) {
    if (e.code == "195") strike_mentions.push_back(e.num_mentions);
  }
  EXPECT_EQ(strike_mentions, (std::vector<int>{3, 1}));
}

// A feed of reports over three weeks and three dyads, several of them retelling one act in
// other words, with a negated report among them.
std::vector<CodedDocument> busy_feed() {
  struct Act {
    const char* source;
    const char* target;
    const char* code;
    const char* words;
  };
  const Act acts[] = {
      {"USAMIL", "VENMIL", "195", "US aircraft bombed the Venezuelan naval base at Puerto Cabello"},
      {"USAMIL", "VENMIL", "190", "American troops fought Venezuelan marines near the port of La Guaira"},
      {"VENGOV", "USAGOV", "174", "Caracas expelled the American ambassador and his staff"},
      {"COLGOV", "VENGOV", "042", "The Colombian president travelled to Caracas for border talks"},
      {"COLGOV", "VENGOV", "036", "Bogota offered to host talks between Venezuela and its neighbours"},
  };
  const char* outlets[] = {"Meridian Wire", "Harbour Post", "Daily Ledger", "North Star"};
  const char* tails[] = {"", ", officials said", " on Monday", ", a witness reported"};
  std::vector<CodedDocument> feed;
  for (int day = 1; day <= 21; ++day) {
    for (int k = 0; k < 4; ++k) {
      const Act& act = acts[(day * 3 + k * 2) % 5];
      const std::string date = "2026-05-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
      const std::string sentence = std::string(act.words) + tails[(day + k) % 4] + ".";
      Mention m = make_mention(act.source, act.target, act.code, 0);
      m.context.negated = (day * 7 + k) % 23 == 0;
      // A second sentence makes each report's text, and so its content id, its own.
      const std::string dateline = std::string("Filed by ") + outlets[k] + " on " + date + ".";
      feed.push_back(coded_document(outlets[k], date, {sentence, dateline}, {m}));
    }
  }
  return feed;
}

// Each event as the set of its mention ids, with what its row says of them.
std::set<std::string> event_partition(Store& store, const std::vector<CodedDocument>& docs) {
  std::map<std::string, std::set<std::string>> members;
  for (const auto& d : docs) {
    auto mentions = store.mentions(d.document.id);
    EXPECT_TRUE(mentions.ok());
    if (!mentions) continue;
    for (const auto& m : *mentions) {
      if (!m.event_id.empty()) members[m.event_id].insert(m.id);
    }
  }
  auto events = store.events({});
  EXPECT_TRUE(events.ok());
  std::set<std::string> out;
  if (!events) return out;
  EXPECT_EQ(events->size(), members.size());
  for (const auto& e : *events) {
    const auto& ids = members[e.id];
    EXPECT_EQ(e.num_mentions, static_cast<int>(ids.size())) << e.id;
    std::string line = e.code + " " + e.date.to_string() + " " + e.first_seen.to_string() + ".." +
                       e.last_seen.to_string() + " sources " + std::to_string(e.num_sources) + ":";
    for (const auto& id : ids) line += " " + id;
    out.insert(line);
  }
  return out;
}

// Events are the same whether a feed arrives in one batch, one report at a time in a
// shuffled order, or in small batches with a report re-coded on the way: every event row
// also agrees with the mentions that point at it.
TEST_P(StoreTest, EventsDoNotDependOnHowTheFeedIsBatched) {
  ASSERT_NE(store_, nullptr);
  const auto feed = busy_feed();
  write(feed);
  const auto whole = event_partition(*store_, feed);
  EXPECT_GT(whole.size(), 10u);
  EXPECT_LT(whole.size(), feed.size());

  auto shuffled = feed;
  std::mt19937 rng(11);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  reopen_empty();
  ASSERT_NE(store_, nullptr);
  for (const auto& d : shuffled) write({d});
  EXPECT_EQ(event_partition(*store_, feed), whole);

  reopen_empty();
  ASSERT_NE(store_, nullptr);
  for (std::size_t at = 0; at < shuffled.size(); at += 7) {
    std::vector<CodedDocument> batch(shuffled.begin() + static_cast<long>(at),
                                     shuffled.begin() + static_cast<long>(std::min(at + 7, shuffled.size())));
    write(batch);
  }
  // A re-coding with the same mentions under new versions changes no event.
  CodedDocument again = shuffled[5];
  again.versions.models = "models-v2";
  for (auto& m : again.mentions) m.versions.models = "models-v2";
  EXPECT_EQ(write({again}).replaced, 1u);
  EXPECT_EQ(event_partition(*store_, feed), whole);
}

TEST(RegroupRanges, WidenEachDayAndMergeOverlaps) {
  using Ranges = std::vector<std::pair<int, int>>;
  EXPECT_EQ(store::regroup_ranges({}, 4, 10), Ranges{});
  EXPECT_EQ(store::regroup_ranges({10, 12, 30}, 4, 10), (Ranges{{6, 22}, {26, 40}}));
  // A day whose context reaches the last range's end joins it.
  EXPECT_EQ(store::regroup_ranges({10, 24}, 4, 10), (Ranges{{6, 34}}));
  EXPECT_EQ(store::regroup_ranges({10, 25}, 4, 10), (Ranges{{6, 20}, {21, 35}}));
}

TEST_P(StoreTest, FindsSentencesByTheirWords) {
  ASSERT_NE(store_, nullptr);
  auto docs = strike_reports();
  write(docs);
  auto hits = store_->search("expelled ambassador", 10);
  ASSERT_TRUE(hits.ok()) << hits.error().to_string();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].first, docs[3].document.id);
  EXPECT_EQ((*hits)[0].second, 0u);
  auto none = store_->search("ceasefire", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  // A re-coded document's sentences are found once: the old rows left the index, the new
  // ones went in with their batch.
  CodedDocument recoded = docs[3];
  recoded.versions.dictionaries = "dict-v2";
  for (auto& m : recoded.mentions) m.versions.dictionaries = "dict-v2";
  EXPECT_EQ(write({docs[0], recoded}).replaced, 1u);
  auto again = store_->search("expelled ambassador", 10);
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].first, docs[3].document.id);
  // Quotes and operators in the words are words, not query syntax.
  auto odd = store_->search("\"navy\" OR (", 10);
  EXPECT_TRUE(odd.ok()) << odd.error().to_string();
}

TEST_P(StoreTest, AnswersDyadSeriesTopListsAndNewsVolume) {
  ASSERT_NE(store_, nullptr);
  write(strike_reports());
  auto days = store_->dyad_days("USA", "VEN", std::nullopt, std::nullopt);
  ASSERT_TRUE(days.ok()) << days.error().to_string();
  ASSERT_EQ(days->size(), 2u);
  EXPECT_TRUE((*days)[0].forward);
  EXPECT_EQ((*days)[0].root, "19");
  EXPECT_EQ((*days)[0].events, 1);  // three reports, one event
  EXPECT_EQ(Date::from_days((*days)[0].day).to_string(), "2026-03-04");
  EXPECT_FALSE((*days)[1].forward);
  EXPECT_EQ((*days)[1].root, "17");

  auto only_march_12 = store_->dyad_days("USAGOV", "VENGOV", parse_date("2026-03-10"), parse_date("2026-03-31"));
  ASSERT_TRUE(only_march_12.ok());
  ASSERT_EQ(only_march_12->size(), 1u);
  EXPECT_FALSE((*only_march_12)[0].forward);

  auto volume = store_->documents_per_day(std::nullopt, std::nullopt);
  ASSERT_TRUE(volume.ok());
  EXPECT_EQ(volume->size(), 3u);
  EXPECT_EQ(volume->at(parse_date("2026-03-04")->days()), 2);

  auto dyads = store_->top(TopKind::kDyads, std::nullopt, std::nullopt, 10);
  ASSERT_TRUE(dyads.ok()) << dyads.error().to_string();
  ASSERT_EQ(dyads->size(), 2u);
  auto actors = store_->top(TopKind::kActors, std::nullopt, std::nullopt, 1);
  ASSERT_TRUE(actors.ok()) << actors.error().to_string();
  ASSERT_EQ(actors->size(), 1u);
  auto places = store_->top(TopKind::kPlaces, std::nullopt, std::nullopt, 10);
  ASSERT_TRUE(places.ok());
  ASSERT_EQ(places->size(), 2u);

  EventFilter filter;
  filter.code = "17";
  auto coercion = store_->events(filter);
  ASSERT_TRUE(coercion.ok());
  ASSERT_EQ(coercion->size(), 1u);
  EXPECT_EQ((*coercion)[0].code, "174");
}

TEST_P(StoreTest, PagesThroughDocumentIdsInOrder) {
  ASSERT_NE(store_, nullptr);
  write(strike_reports());
  std::vector<std::string> all;
  std::string after;
  for (;;) {
    auto page = store_->document_ids(after, 3);
    ASSERT_TRUE(page.ok());
    if (page->empty()) break;
    EXPECT_LE(page->size(), 3u);
    all.insert(all.end(), page->begin(), page->end());
    after = page->back();
  }
  ASSERT_EQ(all.size(), 4u);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_FALSE(store_->document("0000000000000000").ok());
}

// A store written before migration 4 (documents, sentences and mentions keyed by the
// document's hash) keeps everything when it is opened: the same ids, texts, events and
// full-text hits, and it takes new writes and re-codings as a new store does.
TEST_P(StoreTest, AStoreOfSchemaThreeMigratesWithEverythingItHeld) {
  ASSERT_NE(store_, nullptr);
  store_.reset();
  std::string url;
  if (GetParam() == "postgres") {
    std::string why;
    url = testing::fresh_pg_database(why);
    ASSERT_FALSE(url.empty()) << why;
  } else {
    url = "sqlite:" + (dir_ / "schema3.db").string();
  }
  {
    auto db = GetParam() == "postgres" ? store::open_postgres(url) : store::open_sqlite(url.substr(7));
    ASSERT_TRUE(db.ok()) << db.error().to_string();
    ASSERT_TRUE(store::migrate(**db, 3).ok());
    const std::string rows =
        "INSERT INTO documents (id, external_id, outlet, url, title, published, published_day, language, origin,"
        " text, coder_version, dictionaries_version, models_version, sentence_count, mention_count) VALUES"
        " ('00000000000000aa', 'ext-1', 'Meridian Wire', 'https://example.org/1', 'Strike', '2026-03-04', 20516,"
        " 'en', 'test', 'US forces struck a navy base. Venezuela protested.', '0.1.0', 'dict-v1', 'models-v1', 2, 2);"
        "INSERT INTO sentences (document_id, idx, span_begin, span_end, text) VALUES"
        " ('00000000000000aa', 0, 0, 30, 'US forces struck a navy base.'),"
        " ('00000000000000aa', 1, 31, 51, 'Venezuela protested.');"
        "INSERT INTO mentions (document_id, ordinal, sentence_index, source, source_country, source_entry,"
        " source_text, source_begin, source_end, target, target_country, target_entry, target_text, target_begin,"
        " target_end, code, root, quad_class, goldstein, plover_type, plover_mode, plover_context, acled_type,"
        " acled_sub_type, report_day, event_day, negated, hypothetical, future, claimed_by, confidence, verb_begin,"
        " verb_end, pattern, place, outlet, coder_version, dictionaries_version, models_version, event_id) VALUES"
        " ('00000000000000aa', 0, 0, 'USAMIL', 'USA', '', 'US forces', 0, 9, 'VENMIL', 'VEN', '', 'navy base', 19,"
        " 28, '195', '19', 4, -10.0, '', '', '', '', '', 20516, 20516, 0, 0, 0, '', 0.8, 10, 16, 'test:1', 'VEN',"
        " 'Meridian Wire', '0.1.0', 'dict-v1', 'models-v1', 'ev-00000000000000aa-0'),"
        " ('00000000000000aa', 1, 1, 'VENGOV', 'VEN', '', 'Venezuela', 31, 40, 'USAGOV', 'USA', '', '', 0, 0,"
        " '111', '11', 3, -2.0, '', '', '', '', '', 20516, 20516, 1, 0, 0, '', 0.8, 41, 50, 'test:1', 'USA',"
        " 'Meridian Wire', '0.1.0', 'dict-v1', 'models-v1', NULL);"
        "INSERT INTO events (id, document_id, ordinal, source, source_country, target, target_country, code, root,"
        " quad_class, goldstein, event_day, place, num_mentions, num_sources, first_seen_day, last_seen_day) VALUES"
        " ('ev-00000000000000aa-0', '00000000000000aa', 0, 'USAMIL', 'USA', 'VENMIL', 'VEN', '195', '19', 4, -10.0,"
        " 20516, 'VEN', 1, 1, 20516, 20516);";
    ASSERT_TRUE((*db)->execute_script(rows).ok());
    if (GetParam() == "sqlite") {
      ASSERT_TRUE((*db)->execute_script("INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences").ok());
    }
  }
  auto opened = open_store(url);
  ASSERT_TRUE(opened.ok()) << opened.error().to_string();
  store_ = std::move(*opened);

  auto doc = store_->document("00000000000000aa");
  ASSERT_TRUE(doc.ok()) << doc.error().to_string();
  EXPECT_EQ(doc->external_id, "ext-1");
  auto sentences = store_->sentences("00000000000000aa");
  ASSERT_TRUE(sentences.ok());
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ((*sentences)[1].text, "Venezuela protested.");
  auto mentions = store_->mentions("00000000000000aa");
  ASSERT_TRUE(mentions.ok()) << mentions.error().to_string();
  ASSERT_EQ(mentions->size(), 2u);
  EXPECT_EQ((*mentions)[0].id, "00000000000000aa-0");
  EXPECT_EQ((*mentions)[0].event_id, "ev-00000000000000aa-0");
  EXPECT_EQ((*mentions)[0].mention.provenance.sentence, "US forces struck a navy base.");
  EXPECT_EQ((*mentions)[0].mention.provenance.url, "https://example.org/1");
  // Migration 5 took the outlet and versions off the mention rows: they come from the document.
  EXPECT_EQ((*mentions)[0].outlet, "Meridian Wire");
  EXPECT_EQ((*mentions)[0].mention.versions.dictionaries, "dict-v1");
  EXPECT_EQ((*mentions)[1].mention.versions.models, "models-v1");
  EXPECT_EQ((*mentions)[1].id, "00000000000000aa-1");
  EXPECT_EQ((*mentions)[1].event_id, "");
  EXPECT_EQ((*mentions)[1].mention.provenance.sentence, "Venezuela protested.");
  auto events = store_->events({});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].representative_mention, "00000000000000aa-0");
  auto hits = store_->search("protested", 10);
  ASSERT_TRUE(hits.ok()) << hits.error().to_string();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0], (std::pair<std::string, std::size_t>{"00000000000000aa", 1}));

  // New documents go in beside the migrated one; a report of the same strike joins its event.
  std::vector<CodedDocument> more = strike_reports();
  more.resize(1);
  more[0].document.published = *parse_date("2026-03-04");
  EXPECT_EQ(write(more).added, 1u);
  auto joined = store_->mentions(more[0].document.id);
  ASSERT_TRUE(joined.ok());
  ASSERT_EQ(joined->size(), 1u);
  EXPECT_EQ((*joined)[0].event_id, "ev-00000000000000aa-0");
  // Re-coding the migrated document replaces its rows whole; the event is left to the new report.
  CodedDocument recoded;
  recoded.document = *doc;
  recoded.document.published = *parse_date("2026-03-04");
  recoded.sentences = *sentences;
  recoded.versions = CodingVersions{"0.1.0", "dict-v2", "models-v1"};
  EXPECT_EQ(write({recoded}).replaced, 1u);
  auto gone = store_->mentions("00000000000000aa");
  ASSERT_TRUE(gone.ok());
  EXPECT_TRUE(gone->empty());
  const StoreCounts c = counts();
  EXPECT_EQ(c.documents, 2);
  EXPECT_EQ(c.sentences, 3);
  EXPECT_EQ(c.mentions, 1);
  EXPECT_EQ(c.events, 1);
  auto after = store_->events({});
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0].representative_mention, more[0].document.id + "-0");
  EXPECT_EQ((*after)[0].num_mentions, 1);
  auto found = store_->search("protested", 10);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& param_info) { return param_info.param; });

TEST(StoreOpen, RejectsWhatItCannotOpen) {
  auto empty = open_store("sqlite:");
  EXPECT_FALSE(empty.ok());
  auto missing_dir = open_store("/nonexistent-dir/sub/x.db");
  ASSERT_FALSE(missing_dir.ok());
  EXPECT_NE(missing_dir.error().to_string().find("/nonexistent-dir/sub/x.db"), std::string::npos);
  auto no_server = open_store("postgresql://postgres@127.0.0.1:1/none");
  EXPECT_FALSE(no_server.ok());
}

}  // namespace
}  // namespace dyad
