// Coder speed, no caching across sentences, one thread and two:
//   (1) the coder alone on given parses: the 16,622 sentences of UD EWT (train, dev, test),
//       parsed by the treebank's annotators, coded with the PETRARCH2 production dictionaries;
//   (2) the coder alone on TABARI's own input: the records of Validate.text and
//       TABARI.Demo.text (parsed once by our parser beforehand) repeated to 50,000
//       sentences, with the TABARI dictionaries their .project files name;
//   (3) raw text to events: the sample corpus's articles, segmented, parsed and coded with
//       dyad's default dictionaries.
// Read from ../shared (and examples/) at run time; without them a benchmark reports an
// error and does not run.
#include <benchmark/benchmark.h>

#include <memory>
#include <thread>

#include "bench_util.h"
#include "dyad/coder.h"
#include "dyad/conllu.h"
#include "dyad/nlp.h"
#include "dyad/reader.h"
#include "dyad/validation.h"
#include "dyad/parallel.h"

namespace {

const std::string kShared = std::string(DYAD_SOURCE_DIR) + "/../shared/data/";

struct Corpus {
  std::shared_ptr<const dyad::Lexicon> lexicon;
  std::vector<dyad::Sentence> sentences;
  dyad::Document document;
  std::string error;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    const std::string p = kShared + "dictionaries/petrarch2/";
    dyad::LexiconFiles files;
    files.verbs = {p + "CAMEO.2.0.txt"};
    files.actors = {p + "Phoenix.Countries.actors.txt", p + "Phoenix.International.actors.txt",
                    p + "Phoenix.MilNonState.actors.txt"};
    files.agents = {p + "Phoenix.agents.txt"};
    files.discards = {p + "Phoenix.discards.txt"};
    auto lex = dyad::load_petrarch_lexicon(files);
    if (!lex) {
      out.error = lex.error().to_string();
      return out;
    }
    out.lexicon = *lex;
    for (const char* split : {"train", "dev", "test"}) {
      auto s = dyad::read_conllu_file(kShared + "ud/en_ewt/en_ewt-ud-" + split + ".conllu");
      if (!s) {
        out.error = s.error().to_string();
        return out;
      }
      for (auto& sentence : *s) out.sentences.push_back(std::move(sentence));
    }
    out.document.published = dyad::Date{2015, 6, 1};
    return out;
  }();
  return c;
}

void BM_CoderOnEwtParses(benchmark::State& state) {
  const Corpus& c = corpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  const dyad::Coder coder(c.lexicon);
  const unsigned threads = static_cast<unsigned>(state.range(0));
  std::vector<std::size_t> counts(c.sentences.size());
  for (auto _ : state) {
    dyad::parallel_for(c.sentences.size(), threads, [&](std::size_t i) {
      counts[i] = coder.code(c.document, c.sentences[i]).mentions.size();
    });
    benchmark::DoNotOptimize(counts.data());
  }
  state.counters["sentences_per_s"] = benchmark::Counter(
      static_cast<double>(c.sentences.size() * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}
BENCHMARK(BM_CoderOnEwtParses)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();


struct TabariInput {
  std::vector<std::shared_ptr<const dyad::Lexicon>> lexicons;  // one per suite
  std::vector<std::pair<std::size_t, dyad::Sentence>> sentences;  // (lexicon, parse)
  std::string error;
};

const dyad::Analyzer* analyzer() {
  static const auto a = dyad::Analyzer::load(dyad::default_nlp_models_dir());
  return a ? &*a : nullptr;
}

const TabariInput& tabari_input() {
  static const TabariInput t = [] {
    TabariInput out;
    const dyad::Analyzer* a = analyzer();
    if (a == nullptr) {
      out.error = "no models";
      return out;
    }
    std::vector<std::pair<std::size_t, dyad::Sentence>> once;
    for (const char* name : {"Validate.text", "TABARI.Demo.text"}) {
      auto suite = dyad::read_tabari_suite(kShared + "validation/tabari/" + name);
      if (!suite) {
        out.error = suite.error().to_string();
        return out;
      }
      auto lex = dyad::load_tabari_project(suite->tabari_project);
      if (!lex) {
        out.error = lex.error().to_string();
        return out;
      }
      out.lexicons.push_back(*lex);
      for (const auto& record : suite->records) {
        auto parsed = a->analyze(record.text);
        if (!parsed) continue;
        for (auto& sentence : *parsed) once.emplace_back(out.lexicons.size() - 1, std::move(sentence));
      }
    }
    if (once.empty()) {
      out.error = "no TABARI records";
      return out;
    }
    while (out.sentences.size() < 50000) out.sentences.push_back(once[out.sentences.size() % once.size()]);
    return out;
  }();
  return t;
}

void BM_CoderOnTabariRecords(benchmark::State& state) {
  const TabariInput& t = tabari_input();
  if (!t.error.empty()) {
    state.SkipWithError(t.error.c_str());
    return;
  }
  std::vector<dyad::Coder> coders;
  dyad::CoderOptions options;
  options.reference_semantics = true;  // as `dyad validate` codes these suites
  for (const auto& lex : t.lexicons) coders.emplace_back(lex, options);
  dyad::Document document;
  document.published = dyad::Date{2000, 1, 1};
  const unsigned threads = static_cast<unsigned>(state.range(0));
  std::vector<std::size_t> counts(t.sentences.size());
  for (auto _ : state) {
    dyad::parallel_for(t.sentences.size(), threads, [&](std::size_t i) {
      const auto& [lexicon, sentence] = t.sentences[i];
      counts[i] = coders[lexicon].code(document, sentence).mentions.size();
    });
    benchmark::DoNotOptimize(counts.data());
  }
  state.counters["sentences_per_s"] = benchmark::Counter(
      static_cast<double>(t.sentences.size() * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}
BENCHMARK(BM_CoderOnTabariRecords)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// Raw text to events: each article of the sample corpus segmented, tagged, parsed and coded
// with the default dictionaries, articles split between the threads.
void BM_RawTextToEvents(benchmark::State& state) {
  const dyad::Analyzer* a = analyzer();
  auto lexicon = dyad::load_default_lexicon();
  auto documents = std::make_shared<std::vector<dyad::Document>>();
  const auto read = dyad::read_path(std::string(DYAD_SOURCE_DIR) + "/examples/news/articles.jsonl", {},
                                    [&](dyad::Result<dyad::Document> d) {
                                      if (d) documents->push_back(std::move(*d));
                                    });
  if (a == nullptr || !lexicon || !read.ok() || documents->empty()) {
    state.SkipWithError("needs models/, data/dictionaries and examples/news/articles.jsonl");
    return;
  }
  const dyad::Coder coder(*lexicon);
  const unsigned threads = static_cast<unsigned>(state.range(0));
  std::vector<std::size_t> sentences(documents->size()), events(documents->size());
  for (auto _ : state) {
    dyad::parallel_for(documents->size(), threads, [&](std::size_t i) {
      const dyad::Document& d = (*documents)[i];
      auto parsed = a->analyze(d.text);
      if (!parsed) return;
      sentences[i] = parsed->size();
      events[i] = 0;
      for (const auto& coding : coder.code_document(d, *parsed)) events[i] += coding.mentions.size();
    });
    benchmark::DoNotOptimize(events.data());
  }
  std::size_t total = 0;
  for (std::size_t n : sentences) total += n;
  state.counters["sentences_per_s"] =
      benchmark::Counter(static_cast<double>(total * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["peak_rss_mib"] = dyad::bench::peak_rss_mib();
}
BENCHMARK(BM_RawTextToEvents)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
