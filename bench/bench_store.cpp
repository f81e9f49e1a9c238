// Storage benchmarks: mentions written per second into SQLite with the production schema
// (WAL, synchronous=NORMAL, every index, events regrouped after each batch); `dyad ingest`
// against `dyad code` end to end on one thread; a weekly dyad series over ten million events.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <tuple>

#include "bench_util.h"
#include "dyad/store.h"

namespace {

namespace fs = std::filesystem;
using dyad::CodedDocument;

const std::array<const char*, 12> kCountries = {"USA", "VEN", "COL", "BRA", "MEX", "CUB",
                                                 "RUS", "CHN", "UKR", "ISR", "IRN", "GBR"};
const std::array<const char*, 4> kRoles = {"GOV", "MIL", "", "REB"};
const std::array<const char*, 10> kCodes = {"042", "043", "057", "112", "130", "163", "173", "190", "195", "036"};
const std::array<const char*, 5> kOutlets = {"Meridian Wire", "Harbour Post", "Daily Ledger", "North Star", "Civic Radio"};

// Coding versions of production length: the dictionaries' version names every file of every
// layer with its hash (about 340 bytes for the shipped set), so a store that repeated it on
// each mention would write it hundreds of times a batch.
const dyad::CodingVersions kVersions = [] {
  std::string dictionaries;
  for (const char* file : {"actors-countries.dyad", "actors-international.dyad", "actors-milnonstate.dyad",
                           "agents.dyad", "discards.dyad", "verbs.dyad", "agents.dyad", "armed_groups.txt",
                           "country_adjectives.txt", "discards.dyad", "leaders_g20.txt", "leaders_other.txt",
                           "verbs.dyad"}) {
    dictionaries += (dictionaries.empty() ? "" : ",") + std::string(file) + "@8372f922";
  }
  return dyad::CodingVersions{"0.1.2", dictionaries, "en_ewt-0.1.2"};
}();

// Documents of `mentions_per_doc` mentions each, over a year of days, with the same shape
// as coded news: a handful of sentences, a dyad and a code per mention.
std::vector<CodedDocument> synthetic_documents(std::size_t count, std::size_t mentions_per_doc, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<CodedDocument> docs(count);
  for (std::size_t i = 0; i < count; ++i) {
    CodedDocument& d = docs[i];
    const long day = dyad::parse_date("2025-01-01")->days() + static_cast<long>(rng() % 365);
    d.document.published = dyad::Date::from_days(day);
    d.document.source = kOutlets[rng() % kOutlets.size()];
    for (std::size_t s = 0; s < mentions_per_doc; ++s) {
      const std::size_t begin = d.document.text.size();
      const std::string sentence = "Sentence " + std::to_string(s) + " of report " + std::to_string(seed) + "/" +
                                   std::to_string(i) + " says that forces struck a base near the border. ";
      d.document.text += sentence;
      d.sentences.push_back({s, {begin, d.document.text.size()}, sentence});
      dyad::Mention m;
      m.source.code = dyad::parse_actor_code(std::string(kCountries[rng() % kCountries.size()]) + kRoles[rng() % 4]);
      m.target.code = dyad::parse_actor_code(std::string(kCountries[rng() % kCountries.size()]) + kRoles[rng() % 4]);
      m.code = kCodes[rng() % kCodes.size()];
      dyad::describe_code(m, dyad::GoldsteinScale::kGdelt);
      m.report_date = d.document.published;
      m.provenance.sentence_index = s;
      m.provenance.verb_span = {begin + 30, begin + 36};
      m.provenance.pattern = "bench";
      m.confidence = 0.7;
      d.mentions.push_back(std::move(m));
    }
    d.document.id = dyad::content_id(d.document.text);
    d.document.external_id = std::to_string(i);
    d.versions = kVersions;
    for (auto& m : d.mentions) m.versions = d.versions;
  }
  return docs;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("dyad-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Mentions per second into a fresh SQLite store, N documents (one transaction) at a time,
// with the documents in date order as a feed delivers them (second argument 1), or
// shuffled over the year (0: a backfill in no order, where every batch touches every week
// and regrouping re-reads most of each dyad).
void BM_StoreMentionsSqlite(benchmark::State& state) {
  constexpr std::size_t kDocs = 20000, kPerDoc = 10;
  const auto kBatch = static_cast<std::size_t>(state.range(0));
  auto docs = synthetic_documents(kDocs, kPerDoc, 7);
  if (state.range(1) == 1) {
    std::stable_sort(docs.begin(), docs.end(), [](const CodedDocument& a, const CodedDocument& b) {
      return a.document.published.days() < b.document.published.days();
    });
  }
  std::size_t mentions = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path db = scratch("mentions.db");
    fs::remove(db);
    fs::remove(db.string() + "-wal");
    auto store = dyad::open_store(db.string());
    if (!store) {
      state.SkipWithError(store.error().to_string().c_str());
      return;
    }
    state.ResumeTiming();
    for (std::size_t at = 0; at < docs.size(); at += kBatch) {
      const std::size_t n = std::min(kBatch, docs.size() - at);
      auto written = (*store)->write(std::span<const CodedDocument>(docs.data() + at, n));
      if (!written) {
        state.SkipWithError(written.error().to_string().c_str());
        return;
      }
      mentions += written->mentions;
    }
    state.PauseTiming();
    // What the run left: its events, and the store's file without its WAL (which keeps its
    // largest size until a checkpoint truncates it).
    auto counts = (*store)->counts();
    if (counts) state.counters["events"] = static_cast<double>(counts->events);
    store->reset();
    std::error_code ec;
    const auto bytes = fs::file_size(db, ec);
    if (!ec) state.counters["file_mib"] = static_cast<double>(bytes) / (1024.0 * 1024.0);
    state.ResumeTiming();
  }
  state.counters["mentions_per_s"] = benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
  fs::remove_all(scratch("").parent_path());
}
BENCHMARK(BM_StoreMentionsSqlite)->Args({256, 1})->Args({1024, 1})->Args({1024, 0})->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

// The dyad binary beside this benchmark (build/<preset>/dyad).
std::string dyad_binary() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return (self.parent_path().parent_path() / "dyad").string();
}

double seconds_of(const std::string& command) {
  const auto start = std::chrono::steady_clock::now();
  const int rc = std::system(command.c_str());
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return rc == 0 ? s : -1;
}

// `dyad ingest` against `dyad code` on the sample corpus repeated, one thread each (the
// target: ingest within 30% of code). Both parse and code; ingest also writes the store.
void BM_IngestVsCode(benchmark::State& state) {
  const std::string bin = dyad_binary();
  const fs::path corpus = scratch("corpus.jsonl");
  std::size_t documents = 0;
  {
    // The sample articles, each repeated with a distinct id and a changed first word so that
    // every copy is a new document (a new content hash).
    std::ifstream in(std::string(DYAD_SOURCE_DIR) + "/examples/news/articles.jsonl");
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::ofstream out(corpus);
    documents = 4 * lines.size();
    for (int copy = 0; copy < 4; ++copy) {
      for (const auto& line : lines) {
        std::string l = line;
        const auto text = l.find("\"text\": \"");
        if (text != std::string::npos) l.insert(text + 9, "Copy " + std::to_string(copy) + ". ");
        out << l << '\n';
      }
    }
  }
  double code_s = 0, ingest_s = 0;
  for (auto _ : state) {
    const fs::path db = scratch("ingest.db");
    fs::remove(db);
    code_s = seconds_of("taskset -c 0 " + bin + " code --threads 1 " + corpus.string() + " >/dev/null 2>&1");
    ingest_s = seconds_of("taskset -c 0 " + bin + " ingest --threads 1 --db " + db.string() + " " + corpus.string() +
                          " >/dev/null 2>&1");
    if (code_s < 0 || ingest_s < 0) {
      state.SkipWithError(("cannot run " + bin + " code/ingest").c_str());
      return;
    }
    state.SetIterationTime(ingest_s);
  }
  // Documents per second of each (bench/run prints *_per_s counters); ingest's share of
  // code's speed is their ratio.
  state.counters["code_docs_per_s"] = static_cast<double>(documents) / code_s;
  state.counters["ingest_docs_per_s"] = static_cast<double>(documents) / ingest_s;
  fs::remove_all(scratch("").parent_path());
}
BENCHMARK(BM_IngestVsCode)->Unit(benchmark::kMillisecond)->Iterations(1)->UseManualTime();


// A store of ten million deduplicated events over ten years, of which the dyad USA-VEN has
// 100,000 (half each way), built once with the production schema and indexes and kept in
// build/bench-cache (a few GB) so that later runs measure the query alone. The rows go in
// straight through SQLite: building them through write() would take the benchmark's whole
// budget and time the writer again.
std::string ten_million_event_store() {
  constexpr long kEvents = 10'000'000, kDyadEvents = 100'000, kDays = 3650;
  const fs::path dir = fs::path(DYAD_SOURCE_DIR) / "build" / "bench-cache";
  fs::create_directories(dir);
  const fs::path db = dir / "events-10m.db";
  const fs::path done = dir / "events-10m.done";
  if (fs::exists(db) && fs::exists(done)) return db.string();
  fs::remove(db);
  fs::remove(db.string() + "-wal");
  if (auto store = dyad::open_store(db.string()); !store) return {};  // creates and migrates

  sqlite3* h = nullptr;
  if (sqlite3_open(db.string().c_str(), &h) != SQLITE_OK) return {};
  sqlite3_exec(h, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4000000; BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h,
                     "INSERT INTO events VALUES (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, 1, ?11, ?11)",
                     -1, &st, nullptr);
  std::mt19937 rng(11);
  const std::array<const char*, 10> roots = {"04", "04", "05", "11", "13", "16", "17", "19", "19", "03"};
  const std::array<int, 10> quad = {1, 1, 1, 3, 3, 4, 4, 4, 4, 1};
  const std::array<double, 10> goldstein = {1.9, 2.8, 3.5, -2.0, -4.4, -5.6, -5.0, -10.0, -9.5, 4.0};
  const long first_day = dyad::parse_date("2016-01-01")->days();
  for (long i = 0; i < kEvents; ++i) {
    std::string src, tgt;
    if (i % (kEvents / kDyadEvents) == 0) {
      src = (i / (kEvents / kDyadEvents)) % 2 ? "VEN" : "USA";
      tgt = src == "USA" ? "VEN" : "USA";
    } else {
      // Any other pair of the 12 countries; USA-VEN only through the branch above.
      do {
        src = kCountries[rng() % kCountries.size()];
        tgt = kCountries[rng() % kCountries.size()];
      } while ((src == "USA" && tgt == "VEN") || (src == "VEN" && tgt == "USA"));
    }
    const std::size_t k = rng() % roots.size();
    const std::string id = "ev" + std::to_string(i);
    const std::string code = std::string(roots[k]) + "0";
    const std::string source = src + kRoles[rng() % 4], target = tgt + kRoles[rng() % 4];
    const long day = first_day + static_cast<long>(rng() % kDays);
    sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, source.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 4, src.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 5, target.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 6, tgt.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, code.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, roots[k], -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 9, quad[k]);
    sqlite3_bind_double(st, 10, goldstein[k]);
    sqlite3_bind_int64(st, 11, day);
    sqlite3_bind_text(st, 12, tgt.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) break;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  const bool ok = sqlite3_exec(h, "COMMIT; ANALYZE", nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(h);
  if (!ok) return {};
  std::ofstream(done) << kEvents << '\n';
  return db.string();
}

// The weekly USA-VEN series (both directions, by QuadClass and root) as `dyad dyad USA VEN`
// builds it: the store's daily rows for the dyad, summed into weeks.
void BM_WeeklyDyadSeries10M(benchmark::State& state) {
  const std::string db = ten_million_event_store();
  auto store = db.empty() ? dyad::Result<std::unique_ptr<dyad::Store>>(dyad::make_error(dyad::ErrorCode::kIo, "cannot build", "bench"))
                          : dyad::open_store(db);
  if (!store) {
    state.SkipWithError(store.error().to_string().c_str());
    return;
  }
  std::size_t events = 0;
  for (auto _ : state) {
    auto days = (*store)->dyad_days("USA", "VEN", std::nullopt, std::nullopt);
    if (!days) {
      state.SkipWithError(days.error().to_string().c_str());
      return;
    }
    std::map<std::tuple<long, bool, int, std::string>, int> weeks;
    events = 0;
    for (const auto& d : *days) {
      weeks[{(d.day + 3) / 7, d.forward, d.quad_class, d.root}] += d.events;
      events += static_cast<std::size_t>(d.events);
    }
    benchmark::DoNotOptimize(weeks.size());
  }
  state.counters["dyad_events"] = static_cast<double>(events);
  state.counters["series_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}
BENCHMARK(BM_WeeklyDyadSeries10M)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
