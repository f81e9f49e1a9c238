// Linguistic layer throughput: segmentation alone, tagging + parsing of given words, and
// raw text to parsed sentences; one thread and several sharing one Analyzer.
//
// The text is UD EWT dev when ../shared/data/ud/en_ewt is present (so figures match the
// ones in models/README.md), else a built-in set of news sentences.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "bench_util.h"
#include "dyad/conllu.h"
#include "dyad/nlp.h"

namespace {

constexpr const char* kNews =
    "CARACAS, Dec 3 (Reuters) - Venezuela's navy seized a Colombian fishing boat off the "
    "Guajira peninsula on Tuesday, officials said, the latest incident in a dispute over "
    "maritime borders. Colombia's foreign ministry summoned the Venezuelan ambassador and "
    "demanded the crew's release. \"We will not accept this violation of our sovereignty,\" "
    "the minister told reporters in Bogota. The U.S. State Department urged both sides to "
    "resolve the matter through dialogue.\n\n";

struct Corpus {
  std::string text;
  std::vector<dyad::Sentence> sentences;  // gold words, analysis stripped
  std::size_t words = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    const std::string path = std::string(DYAD_SOURCE_DIR) + "/../shared/data/ud/en_ewt/en_ewt-ud-dev.conllu";
    std::ifstream in(path);
    if (in) {
      std::stringstream buf;
      buf << in.rdbuf();
      auto doc = dyad::read_conllu_document(buf.str(), path);
      if (doc.ok()) {
        out.text = doc.value().text;
        out.sentences = doc.value().sentences;
      }
    }
    if (out.sentences.empty()) {
      for (int i = 0; i < 100; ++i) out.text += kNews;
      out.sentences = dyad::Segmenter().segment(out.text);
    }
    for (auto& s : out.sentences) {
      out.words += s.tokens.size();
      for (auto& t : s.tokens) {
        t.upos = t.xpos = t.lemma = t.feats = t.deprel = "";
        t.head = -1;
      }
    }
    return out;
  }();
  return c;
}

const dyad::Analyzer* analyzer() {
  static const dyad::Result<dyad::Analyzer> a = dyad::Analyzer::load(dyad::default_nlp_models_dir());
  return a.ok() ? &a.value() : nullptr;
}

void BM_NlpSegment(benchmark::State& state) {
  const dyad::Analyzer* a = analyzer();
  if (a == nullptr) {
    state.SkipWithError("no models (run dyad train)");
    return;
  }
  const Corpus& c = corpus();
  std::size_t words = 0;
  for (auto _ : state) {
    for (const auto& s : a->segmenter().segment(c.text)) words += s.tokens.size();
  }
  state.counters["words_per_s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["bytes_per_s"] = benchmark::Counter(
      static_cast<double>(c.text.size()) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}
BENCHMARK(BM_NlpSegment)->Unit(benchmark::kMillisecond)->UseRealTime();

// Tagging, lemmatisation and parsing of given words; threads share one Analyzer and
// split the sentences between them.
// Tags, lemmatises and parses the corpus's words with `a`, each thread its share.
void tag_and_parse(benchmark::State& state, const dyad::Analyzer& a) {
  std::vector<dyad::Sentence> work = corpus().sentences;
  std::size_t words = 0;
  const auto threads = static_cast<std::size_t>(state.threads());
  const auto me = static_cast<std::size_t>(state.thread_index());
  for (auto _ : state) {
    for (std::size_t i = me; i < work.size(); i += threads) {
      a.reanalyze(work[i]);
      words += work[i].tokens.size();
    }
  }
  state.counters["words_per_s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}

void BM_NlpTagParse(benchmark::State& state) {
  const dyad::Analyzer* a = analyzer();
  if (a == nullptr) {
    state.SkipWithError("no models (run dyad train)");
    return;
  }
  tag_and_parse(state, *a);
}
BENCHMARK(BM_NlpTagParse)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

// The same with the accurate parser (neural_parser.bin) and its tagging head.
const dyad::Analyzer* accurate_analyzer() {
  static const dyad::Result<dyad::Analyzer> a = [] {
    dyad::AnalyzerOptions o;
    o.accurate_parser = true;
    o.neural_tags = true;
    return dyad::Analyzer::load(dyad::default_nlp_models_dir(), o);
  }();
  return a.ok() ? &a.value() : nullptr;
}

void BM_NlpTagParseAccurate(benchmark::State& state) {
  const dyad::Analyzer* a = accurate_analyzer();
  if (a == nullptr) {
    state.SkipWithError("no accurate parser (neural_parser.bin; run dyad train)");
    return;
  }
  tag_and_parse(state, *a);
}
BENCHMARK(BM_NlpTagParseAccurate)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

// Raw text to parsed sentences (segment, tag, lemmatise, parse).
void BM_NlpAnalyzeText(benchmark::State& state) {
  const dyad::Analyzer* a = analyzer();
  if (a == nullptr) {
    state.SkipWithError("no models (run dyad train)");
    return;
  }
  const Corpus& c = corpus();
  std::size_t words = 0;
  std::size_t sentences = 0;
  for (auto _ : state) {
    auto r = a->analyze(c.text);
    for (const auto& s : r.value()) words += s.tokens.size();
    sentences += r.value().size();
  }
  state.counters["words_per_s"] = benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["sentences_per_s"] = benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}
BENCHMARK(BM_NlpAnalyzeText)->Unit(benchmark::kMillisecond)->UseRealTime();

// Loading the models (once per process in real use).
void BM_NlpLoadModels(benchmark::State& state) {
  for (auto _ : state) {
    auto a = dyad::Analyzer::load(dyad::default_nlp_models_dir());
    benchmark::DoNotOptimize(a);
  }
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}
BENCHMARK(BM_NlpLoadModels)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
