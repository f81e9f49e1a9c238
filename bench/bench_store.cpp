// Storage benchmarks: mentions written per second into SQLite with the production schema
// (WAL, synchronous=NORMAL, every index, events regrouped after each batch); `dyad ingest`
// against `dyad code` end to end on one thread; a weekly dyad series over ten million events.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

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
    d.versions = {"0.1.0", "dict", "models"};
    for (auto& m : d.mentions) m.versions = d.versions;
  }
  return docs;
}

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("dyad-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir / name;
}

// Mentions per second into a fresh SQLite store, 256 documents (one transaction) at a time.
void BM_StoreMentionsSqlite(benchmark::State& state) {
  constexpr std::size_t kDocs = 20000, kPerDoc = 10, kBatch = 256;
  const auto docs = synthetic_documents(kDocs, kPerDoc, 7);
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
  }
  state.counters["mentions_per_s"] = benchmark::Counter(static_cast<double>(mentions), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
  fs::remove_all(scratch("").parent_path());
}
BENCHMARK(BM_StoreMentionsSqlite)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

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

}  // namespace
