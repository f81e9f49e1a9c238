#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "dyad/conllu.h"
#include "dyad/nlp.h"
#include "nlp/models.h"
#include "nlp/raw_text.h"
#include "text/segmenter_train.h"

namespace dyad {
namespace {

using namespace nlp;

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

Result<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "cannot open", path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The treebank file of a split: the one *-ud-<split>.conllu in the directory.
Result<std::string> split_path(const std::string& dir, const std::string& split) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.ends_with("-ud-" + split + ".conllu")) return e.path().string();
  }
  return make_error(ErrorCode::kNotFound, "no *-ud-" + split + ".conllu in the treebank directory",
                    dir);
}

void strip_analysis(Sentence& s) {
  for (Token& t : s.tokens) {
    t.upos.clear();
    t.xpos.clear();
    t.lemma.clear();
    t.feats.clear();
    t.head = -1;
    t.deprel.clear();
    t.deps = "_";
  }
}

std::string line(const char* name, const ParseScores& e) {
  char buf[256];
  std::snprintf(buf, sizeof(buf),
                "  %-22s tokens %.2f  sentences %.2f  words %.2f  UPOS %.2f  XPOS %.2f  "
                "UFeats %.2f  lemmas %.2f  UAS %.2f  LAS %.2f\n",
                name, 100 * e.tokens.f1(), 100 * e.sentences.f1(), 100 * e.words.f1(),
                100 * e.upos.f1(), 100 * e.xpos.f1(), 100 * e.ufeats.f1(), 100 * e.lemmas.f1(),
                100 * e.uas.f1(), 100 * e.las.f1());
  return buf;
}

Result<NlpSplitScores> score(const Analyzer& analyzer, const std::string& conllu,
                          const std::string& source) {
  auto gold = read_conllu(std::string_view(conllu), source);
  if (!gold.ok()) return gold.error();
  NlpSplitScores out;
  std::vector<Sentence> sys = gold.value();
  for (Sentence& s : sys) strip_analysis(s);
  std::size_t words = 0;
  const auto t0 = Clock::now();
  for (Sentence& s : sys) {
    analyzer.reanalyze(s);
    words += s.tokens.size();
  }
  const double secs = seconds_since(t0);
  out.words_per_second = secs > 0 ? static_cast<double>(words) / secs : 0;
  auto e = score_parse(gold.value(), sys);
  if (!e.ok()) return e.error();
  out.gold_tokens = e.value();
  auto raw = read_conllu_document(conllu, source);
  if (!raw.ok()) return raw.error();
  auto analyzed = analyzer.analyze(raw.value().text);
  if (!analyzed.ok()) return analyzed.error();
  auto r = score_parse(gold.value(), analyzed.value());
  if (!r.ok()) return r.error();
  out.raw_text = r.value();
  return out;
}

}  // namespace

std::string default_treebank_dir() {
  return (fs::path(DYAD_SOURCE_DIR) / ".." / "shared" / "data" / "ud" / "en_ewt").lexically_normal().string();
}

Result<NlpSplitScores> score_nlp_models(const std::string& models_dir, const std::string& conllu_path) {
  auto analyzer = Analyzer::load(models_dir);
  if (!analyzer.ok()) return analyzer.error();
  auto text = slurp(conllu_path);
  if (!text.ok()) return text.error();
  return score(analyzer.value(), text.value(), conllu_path);
}

Result<NlpTrainReport> train_nlp_models(const NlpTrainOptions& options) {
  const auto start = Clock::now();
  auto say = [&](const std::string& s) {
    if (options.progress) options.progress(s);
  };
  auto train_path = split_path(options.treebank_dir, "train");
  if (!train_path.ok()) return train_path.error();
  auto dev_path = split_path(options.treebank_dir, "dev");
  if (!dev_path.ok()) return dev_path.error();
  auto train_text = slurp(train_path.value());
  if (!train_text.ok()) return train_text.error();
  auto dev_text = slurp(dev_path.value());
  if (!dev_text.ok()) return dev_text.error();
  auto train = read_conllu(std::string_view(train_text.value()), train_path.value());
  if (!train.ok()) return train.error();
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot create the output directory", options.out_dir);
  const fs::path out(options.out_dir);

  // 1. Segmenter.
  if (!options.parser_only && !options.neural_only) {
    auto raw = read_conllu_document(train_text.value(), train_path.value());
    if (!raw.ok()) return raw.error();
    text::SegmenterTrainOptions seg_options;
    seg_options.progress = options.progress;
    auto seg = text::train_segmenter({raw.value()}, seg_options);
    if (Status st = save_segmenter(*seg, (out / kSegmenterFile).string()); !st.ok()) return st.error();
    say("segmenter: done after " + std::to_string(static_cast<int>(seconds_since(start))) + " s");
  }

  // 2. Jackknifed tags for the parser's training data, folds in parallel.
  const std::vector<Sentence>& gold = train.value();
  std::vector<Sentence> tagged = gold;
  TaggerTrainOptions tag_options;
  tag_options.epochs = options.tagger_epochs;
  const int folds = options.folds;
  const bool cached = !options.tags_cache.empty() && fs::exists(options.tags_cache, ec);
  if (cached) {
    auto read = read_conllu_file(options.tags_cache);
    if (!read.ok()) return read.error();
    if (read.value().size() != gold.size()) {
      return make_error(ErrorCode::kInvalidArgument, "the tags cache does not match the treebank",
                        options.tags_cache);
    }
    tagged = std::move(read.value());
    say("tagger: jackknifed tags read from " + options.tags_cache);
  } else if (folds >= 2) {
    auto run_fold = [&](int k) {
      std::vector<Sentence> part;
      for (std::size_t i = 0; i < gold.size(); ++i) {
        if (static_cast<int>(i % static_cast<std::size_t>(folds)) != k) part.push_back(gold[i]);
      }
      const auto tagger = train_tagger(part, tag_options);
      const auto lemmatizer = train_lemmatizer(part);
      for (std::size_t i = 0; i < gold.size(); ++i) {
        if (static_cast<int>(i % static_cast<std::size_t>(folds)) != k) continue;
        tag_sentence(*tagger, tagged[i]);
        lemmatize_sentence(*lemmatizer, tagged[i]);
      }
    };
    const int threads = std::max(1, options.threads);
    for (int k = 0; k < folds; k += threads) {
      std::vector<std::thread> pool;
      for (int j = k; j < std::min(folds, k + threads); ++j) pool.emplace_back(run_fold, j);
      for (auto& t : pool) t.join();
      say("tagger: jackknife folds " + std::to_string(std::min(folds, k + threads)) + "/" +
          std::to_string(folds) + " after " + std::to_string(static_cast<int>(seconds_since(start))) +
          " s");
    }
  }

  if (!cached && !options.tags_cache.empty()) {
    std::ofstream cache(options.tags_cache);
    for (const Sentence& s : tagged) write_conllu(cache, s);
    if (!cache) return make_error(ErrorCode::kIo, "cannot write the tags cache", options.tags_cache);
  }

  // 3. Tagger and lemmatiser on all of train (in parallel with the parser).
  const bool keep_others = options.parser_only || options.neural_only;
  std::shared_ptr<TaggerModel> tagger;
  std::shared_ptr<LemmatizerModel> lemmatizer;
  TaggerTrainOptions full_options = tag_options;
  full_options.progress = options.progress;
  std::thread tagger_thread([&] {
    if (keep_others) return;
    tagger = train_tagger(gold, full_options);
    lemmatizer = train_lemmatizer(gold);
  });
  std::shared_ptr<ParserModel> parser;
  if (!options.neural_only) {
    ParserTrainOptions parse_options;
    parse_options.epochs = options.parser_epochs;
    parse_options.label_epochs = options.label_epochs;
    parse_options.hash_bits = options.hash_bits;
    parse_options.members = options.parser_members;
    parse_options.beam = options.parser_beam;
    parse_options.threads = options.threads;
    parse_options.progress = options.progress;
    parser = train_parser(tagged, parse_options);
  }
  tagger_thread.join();
  if (tagger) {
    if (Status st = save_tagger(*tagger, (out / kTaggerFile).string()); !st.ok()) return st.error();
  }
  if (lemmatizer) {
    if (Status st = save_lemmatizer(*lemmatizer, (out / kLemmatizerFile).string()); !st.ok()) {
      return st.error();
    }
  }
  if (parser) {
    if (Status st = save_parser(*parser, (out / kParserFile).string()); !st.ok()) return st.error();
  }

  // 4. The accurate parser, on the same jackknifed tags; dev (tagged by the tagger just
  // saved) is scored after each epoch for the progress lines only.
  const bool neural = options.neural_parser || options.neural_only;
  if (neural) {
    auto dev_gold = read_conllu(std::string_view(dev_text.value()), dev_path.value());
    if (!dev_gold.ok()) return dev_gold.error();
    auto saved_tagger = load_tagger((out / kTaggerFile).string());
    if (!saved_tagger.ok()) return saved_tagger.error();
    std::vector<Sentence> dev_tagged = dev_gold.value();
    for (Sentence& s : dev_tagged) {
      strip_analysis(s);
      tag_sentence(saved_tagger.value(), s);
    }
    NeuralParserTrainOptions neural_options;
    neural_options.epochs = options.neural_epochs;
    neural_options.dims.hidden = options.neural_hidden;
    neural_options.threads = options.threads;
    neural_options.progress = options.progress;
    const auto model = train_neural_parser(gold, tagged, neural_options, &dev_tagged, &dev_gold.value());
    if (Status st = save_neural_parser(*model, (out / kNeuralParserFile).string()); !st.ok()) {
      return st.error();
    }
  }
  NlpTrainReport report;
  report.seconds = seconds_since(start);
  say("trained in " + std::to_string(static_cast<int>(report.seconds)) + " s; scoring");

  // 5. Scores: the default (fast) models, then the accurate parser.
  auto analyzer = Analyzer::load(options.out_dir);
  if (!analyzer.ok()) return analyzer.error();
  auto dev = score(analyzer.value(), dev_text.value(), dev_path.value());
  if (!dev.ok()) return dev.error();
  report.dev = dev.value();
  std::optional<Analyzer> accurate;
  if (neural) {
    AnalyzerOptions aopts;
    aopts.accurate_parser = true;
    aopts.neural_tags = true;
    auto a = Analyzer::load(options.out_dir, aopts);
    if (!a.ok()) return a.error();
    accurate.emplace(std::move(a.value()));
    auto d = score(*accurate, dev_text.value(), dev_path.value());
    if (!d.ok()) return d.error();
    report.accurate_dev = d.value();
    report.has_accurate = true;
  }
  std::ostringstream txt;
  txt << "dyad train: models for " << fs::path(train_path.value()).filename().string() << "\n";
  txt << "settings: folds " << folds << ", tagger epochs " << options.tagger_epochs
      << ", parser epochs " << options.parser_epochs << ", label epochs " << options.label_epochs
      << ", hash bits " << options.hash_bits  << ", parser members " << options.parser_members
      << ", parser beam " << options.parser_beam << ", threads " << options.threads;
  if (neural) {
    txt << ", neural parser epochs " << options.neural_epochs << ", hidden " << options.neural_hidden;
  }
  txt << "\n";
  char buf[128];
  std::snprintf(buf, sizeof(buf), "training time: %.0f s\n", report.seconds);
  txt << buf;
  auto block = [&](const char* split, const std::string& path, const NlpSplitScores& fast,
                   const NlpSplitScores* acc) {
    txt << split << " (" << fs::path(path).filename().string() << "):\n";
    txt << line("gold tokens", fast.gold_tokens);
    txt << line("raw text", fast.raw_text);
    std::snprintf(buf, sizeof(buf), "  tagging+parsing speed: %.0f words/s (one thread)\n", fast.words_per_second);
    txt << buf;
    if (acc == nullptr) return;
    txt << line("accurate, gold tokens", acc->gold_tokens);
    txt << line("accurate, raw text", acc->raw_text);
    std::snprintf(buf, sizeof(buf), "  accurate tagging+parsing speed: %.0f words/s (one thread)\n",
                  acc->words_per_second);
    txt << buf;
  };
  block("dev", dev_path.value(), report.dev, report.has_accurate ? &report.accurate_dev : nullptr);
  if (options.evaluate_test) {
    auto test_path = split_path(options.treebank_dir, "test");
    if (!test_path.ok()) return test_path.error();
    auto test_text = slurp(test_path.value());
    if (!test_text.ok()) return test_text.error();
    auto test = score(analyzer.value(), test_text.value(), test_path.value());
    if (!test.ok()) return test.error();
    report.test = test.value();
    if (accurate) {
      auto t = score(*accurate, test_text.value(), test_path.value());
      if (!t.ok()) return t.error();
      report.accurate_test = t.value();
    }
    block("test", test_path.value(), report.test, report.has_accurate ? &report.accurate_test : nullptr);
  }
  report.text = txt.str();
  std::ofstream rep(out / "train-report.txt");
  rep << report.text;
  return report;
}

}  // namespace dyad
