// The coder alone on given parses: the 16,622 sentences of UD EWT (train, dev, test), parsed
// by the treebank's annotators, coded with the PETRARCH2 production dictionaries. Read from
// ../shared at run time; without it the benchmark reports an error and does not run.
#include <benchmark/benchmark.h>

#include <memory>
#include <thread>

#include "bench_util.h"
#include "dyad/coder.h"
#include "dyad/conllu.h"
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

}  // namespace
