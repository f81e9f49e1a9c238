// `dyad ingest` as a process: idempotent re-runs, bad documents skipped, and a SIGKILL in the
// middle of a large batch run that loses nothing committed and half-writes nothing.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "dyad/store.h"
#include "test_support.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("dyad-ingest-" + std::to_string(getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

int run(const std::string& args) {
  const std::string cmd = std::string(DYAD_BINARY) + " " + args + " >/dev/null 2>&1";
  const int st = std::system(cmd.c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

// A corpus of invented wire reports: several sentences each, among a few states and their
// forces, over two months. Deterministic, so two runs read the same documents.
void write_corpus(const fs::path& path, int documents) {
  const char* states[] = {"Venezuela", "Colombia", "Brazil", "Cuba", "the United States", "Mexico"};
  const char* forces[] = {"Venezuelan troops", "Colombian police", "Brazilian navy", "Cuban officials",
                          "US forces", "Mexican soldiers"};
  const char* acts[] = {"accused", "met with", "condemned", "attacked", "praised", "threatened"};
  std::ofstream out(path);
  std::uint32_t x = 12345;
  auto next = [&](std::uint32_t n) {
    x = x * 1103515245u + 12345u;
    return (x >> 16) % n;
  };
  for (int i = 0; i < documents; ++i) {
    std::string text;
    for (int s = 0; s < 4; ++s) {
      text += std::string(forces[next(6)]) + " " + acts[next(6)] + " " + states[next(6)] + " on Tuesday, report " +
              std::to_string(i) + " says. ";
    }
    const int day = 1 + static_cast<int>(next(28));
    out << "{\"id\": \"r" << i << "\", \"date\": \"2026-0" << (1 + i % 2) << "-" << (day < 10 ? "0" : "") << day
        << "\", \"source\": \"Outlet " << next(4) << "\", \"text\": \"" << text << "\"}\n";
  }
}

// Everything stored about one document, as text: equal texts mean equal stored data.
std::string document_snapshot(Store& store, const std::string& id) {
  std::ostringstream out;
  auto doc = store.document(id);
  if (!doc) return "missing " + id;
  out << doc->id << '|' << doc->external_id << '|' << doc->source << '|' << doc->published.to_string() << '|'
      << doc->text << '\n';
  auto sentences = store.sentences(id);
  for (const auto& s : sentences ? *sentences : std::vector<StoredSentence>{}) {
    out << "  s" << s.index << ' ' << s.span.begin << '-' << s.span.end << ' ' << s.text << '\n';
  }
  auto mentions = store.mentions(id);
  for (const auto& m : mentions ? *mentions : std::vector<StoredMention>{}) {
    out << "  m" << m.id << ' ' << m.mention.source.code_string() << ' ' << m.mention.target.code_string() << ' '
        << m.mention.code << ' ' << m.mention.provenance.sentence_index << ' ' << m.mention.provenance.verb_span.begin
        << ' ' << m.mention.goldstein << ' ' << m.mention.confidence << ' ' << m.event_id << '\n';
  }
  return out.str();
}

std::vector<std::string> all_ids(Store& store) {
  std::vector<std::string> ids;
  std::string after;
  for (;;) {
    auto page = store.document_ids(after, 500);
    if (!page || page->empty()) return ids;
    ids.insert(ids.end(), page->begin(), page->end());
    after = page->back();
  }
}

std::string store_snapshot(Store& store) {
  std::string out;
  for (const auto& id : all_ids(store)) out += document_snapshot(store, id);
  auto events = store.events({});
  for (const auto& e : events ? *events : std::vector<StoredEvent>{}) {
    out += "e " + e.id + " " + e.code + " " + std::to_string(e.num_mentions) + " " + std::to_string(e.num_sources) +
           "\n";
  }
  return out;
}

std::unique_ptr<Store> open_or_fail(const fs::path& db) {
  auto s = open_store(db.string());
  EXPECT_TRUE(s.ok()) << (s ? "" : s.error().to_string());
  return s ? std::move(*s) : nullptr;
}

TEST(StoreIngest, ReingestingTheSameFilesChangesNothing) {
  const fs::path dir = scratch_dir("again");
  const fs::path db = dir / "news.db";
  const std::string corpus = std::string(DYAD_SOURCE_DIR) + "/examples/news/articles.jsonl";
  ASSERT_EQ(run("ingest " + corpus + " --db " + db.string()), 0);
  auto store = open_or_fail(db);
  ASSERT_NE(store, nullptr);
  const std::string first = store_snapshot(*store);
  auto counts = store->counts();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->documents, 90);
  EXPECT_GT(counts->mentions, 20);
  EXPECT_GT(counts->events, 10);
  EXPECT_LE(counts->events, counts->mentions);
  store.reset();
  ASSERT_EQ(run("ingest " + corpus + " --db " + db.string() + " --threads 2"), 0);
  store = open_or_fail(db);
  EXPECT_EQ(store_snapshot(*store), first);
  fs::remove_all(dir);
}

TEST(StoreIngest, ABadDocumentIsSkippedAndTheRestStored) {
  const fs::path dir = scratch_dir("bad");
  const fs::path in = dir / "in.jsonl";
  std::ofstream(in) << R"({"id":"a","date":"2026-01-02","text":"US forces attacked Venezuelan troops."})" << "\n"
                    << "not json\n"
                    << R"({"id":"b","date":"2026-01-03","text":"Colombia condemned Venezuela."})" << "\n";
  const fs::path db = dir / "x.db";
  EXPECT_EQ(run("ingest " + in.string() + " --db " + db.string()), 2) << "an input error shows in the exit code";
  auto store = open_or_fail(db);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->counts()->documents, 2);
  fs::remove_all(dir);
}

TEST(StoreIngest, RecodeAfterADictionaryChangeReplacesMentions) {
  const fs::path dir = scratch_dir("recode");
  const fs::path db = dir / "news.db";
  const std::string corpus = std::string(DYAD_SOURCE_DIR) + "/examples/news/articles.jsonl";
  ASSERT_EQ(run("ingest " + corpus + " --db " + db.string()), 0);
  // Nothing changed: recode leaves every document as it is.
  auto store = open_or_fail(db);
  const std::string before = store_snapshot(*store);
  store.reset();
  ASSERT_EQ(run("recode --db " + db.string()), 0);
  store = open_or_fail(db);
  EXPECT_EQ(store_snapshot(*store), before);
  // Other dictionaries (only the default set's actors, no current office holders) are a new
  // dictionary version: every document is re-coded under it.
  store.reset();
  ASSERT_EQ(run("recode --db " + db.string() + " --dictionaries " + DYAD_SOURCE_DIR + "/data/dictionaries/default"), 0);
  store = open_or_fail(db);
  const auto ids = all_ids(*store);
  ASSERT_EQ(ids.size(), 90u);
  auto old_versions = store->coded_with(ids.front());
  ASSERT_TRUE(old_versions.ok() && old_versions->has_value());
  for (const auto& id : ids) {
    auto mentions = store->mentions(id);
    ASSERT_TRUE(mentions.ok());
    for (const auto& m : *mentions) EXPECT_EQ(m.mention.versions.dictionaries, (*old_versions)->dictionaries);
  }
  fs::remove_all(dir);
}

TEST(StoreIngest, AKillMidBatchLosesNoCommittedWorkAndHalfWritesNothing) {
  const fs::path dir = scratch_dir("kill");
  const fs::path corpus = dir / "corpus.jsonl";
  constexpr int kDocuments = 1500;
  write_corpus(corpus, kDocuments);
  const fs::path clean_db = dir / "clean.db";
  const fs::path killed_db = dir / "killed.db";
  const std::string args = corpus.string() + " --batch 16 --threads 2";
  ASSERT_EQ(run("ingest " + args + " --db " + clean_db.string()), 0);

  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string out = "/dev/null";
    freopen(out.c_str(), "w", stdout);
    freopen(out.c_str(), "w", stderr);
    execl(DYAD_BINARY, DYAD_BINARY, "ingest", corpus.c_str(), "--batch", "16", "--threads", "2", "--db",
          killed_db.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill once a few batches are committed, while the run is still going.
  std::int64_t stored = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(killed_db)) {
      auto probe = open_store(killed_db.string());
      if (probe) {
        auto c = (*probe)->counts();
        stored = c ? c->documents : 0;
        if (stored >= 48) break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "ingest ended before it was killed; make the corpus larger";

  auto clean = open_or_fail(clean_db);
  auto killed = open_or_fail(killed_db);
  ASSERT_NE(clean, nullptr);
  ASSERT_NE(killed, nullptr);
  const auto ids = all_ids(*killed);
  EXPECT_GE(static_cast<std::int64_t>(ids.size()), stored) << "committed documents were lost";
  EXPECT_LT(ids.size(), static_cast<std::size_t>(kDocuments));
  EXPECT_EQ(ids.size() % 16, 0u) << "a batch is committed whole or not at all";
  // Every stored document is whole: its sentences and mentions are those of a clean run
  // (event ids aside: the events of the documents not yet stored are still to come).
  for (const auto& id : ids) {
    std::string a = document_snapshot(*killed, id), b = document_snapshot(*clean, id);
    const auto drop_events = [](std::string s) {
      std::string out;
      std::istringstream in(s);
      for (std::string line; std::getline(in, line);) {
        if (line.rfind("  m", 0) == 0) line = line.substr(0, line.rfind(' '));
        out += line + '\n';
      }
      return out;
    };
    ASSERT_EQ(drop_events(a), drop_events(b)) << "document " << id << " differs from a clean run";
  }
  killed.reset();

  // Running again finishes the job; the result equals the clean run.
  ASSERT_EQ(run("ingest " + args + " --db " + killed_db.string()), 0);
  killed = open_or_fail(killed_db);
  EXPECT_EQ(store_snapshot(*killed), store_snapshot(*clean));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
