// The linguistic pipeline: raw text to sentences of tagged, lemmatised, parsed words.
//
//   auto analyzer = dyad::Analyzer::load(dyad::default_nlp_models_dir());
//   if (!analyzer) { /* analyzer.error().to_string() */ }
//   auto sentences = analyzer->analyze("CARACAS, Dec 3 (Reuters) - Venezuela expelled ...");
//
// Each Sentence comes back with its words' byte spans into the text, UPOS and XPOS tags
// (Universal POS and Penn Treebank), lemma, morphological features, and a dependency
// tree with Universal Dependencies v2 relations (head 0 for the root). The models are
// dyad's own, trained on UD English EWT by `dyad train`; see models/README.md for their
// settings and scores, and docs/nlp.md for the methods.
//
// An Analyzer loads its models once and is immutable afterwards: share one between all
// threads (every method is const and keeps no state between calls). Copies are cheap and
// share the models.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/result.h"
#include "dyad/sentence.h"
#include "dyad/text.h"

namespace dyad {

namespace nlp {
struct Models;
}

struct AnalyzerOptions {
  SegmenterOptions segmenter;
  // How many of the parser's voting members to run: 0 (all, the default: most accurate)
  // or 1 (fastest; about 2x the parsing speed for about 0.5 LAS less), up to all.
  int parser_members = 0;
  // The accurate parser (neural_parser.bin, a BiLSTM graph parser): better trees, several
  // times slower than the default perceptron parser. Loading fails when the file is absent.
  bool accurate_parser = false;
  // With the accurate parser: its own tagging head replaces the tagger's UPOS and XPOS
  // (it reads the tagger's tags and corrects some of them).
  bool neural_tags = false;
};

class Analyzer {
 public:
  // Loads segmenter.bin, tagger.bin, lemmatizer.bin and parser.bin from `models_dir`
  // (and neural_parser.bin with AnalyzerOptions::accurate_parser).
  static Result<Analyzer> load(const std::string& models_dir, AnalyzerOptions options = {});

  // Largest text analyze() accepts in one call (kTooLarge above it).
  static constexpr std::size_t kMaxTextBytes = std::size_t{256} << 20;

  // Segments, tags, lemmatises and parses `text`. Spans are byte offsets into `text`.
  Result<std::vector<Sentence>> analyze(std::string_view text) const;

  // For a sentence that already has its words (e.g. read from CoNLL-U): fills upos, xpos,
  // lemma and feats where they are empty or "_", then head and deprel.
  void parse(Sentence& sentence) const;

  // For a sentence already parsed (a treebank tree converted to dependencies): fills
  // upos, xpos, lemma and feats where they are empty or "_", and keeps its heads and
  // relations.
  void lemmatize(Sentence& sentence) const;

  // Tags, lemmatises and parses every word afresh (all of upos..deprel are replaced).
  void reanalyze(Sentence& sentence) const;

  const Segmenter& segmenter() const;

 private:
  explicit Analyzer(std::shared_ptr<const nlp::Models> models);
  std::shared_ptr<const nlp::Models> models_;
};

// Where the English models live: <default_models_dir()>/en_ewt, i.e. $DYAD_MODELS/en_ewt,
// else the source tree's models/en_ewt, else ../share/dyad/models/en_ewt beside the
// executable (see dyad/paths.h).
std::string default_nlp_models_dir();

// ---- Scoring against a treebank: the CoNLL 2018 shared-task metrics ------------------
//
// dyad's own implementation of conll18_ud_eval.py. Gold and system must hold the same
// characters once whitespace is removed; tokens and sentences match by character spans;
// words align one to one where token spans agree, and by the longest common subsequence
// of forms inside multi-word tokens. Scores are F1 over gold and system counts (equal to
// accuracy when the system keeps the gold tokens). LAS compares the universal part of the
// relation (before ':'), as the shared task did; a gold lemma "_" accepts any lemma.

struct ParseMetric {
  std::size_t gold = 0;
  std::size_t system = 0;
  std::size_t correct = 0;
  std::size_t aligned = 0;  // aligned words, for word-level metrics

  double precision() const { return system ? static_cast<double>(correct) / static_cast<double>(system) : 0; }
  double recall() const { return gold ? static_cast<double>(correct) / static_cast<double>(gold) : 0; }
  double f1() const {
    return gold + system ? 2.0 * static_cast<double>(correct) / static_cast<double>(gold + system) : 0;
  }
  double aligned_accuracy() const {
    return aligned ? static_cast<double>(correct) / static_cast<double>(aligned) : 0;
  }
};

struct ParseScores {
  ParseMetric tokens, sentences, words, upos, xpos, ufeats, alltags, lemmas, uas, las;
};

// kInvalidArgument when the two texts differ (saying where).
Result<ParseScores> score_parse(const std::vector<Sentence>& gold, const std::vector<Sentence>& system);

// The shared-task table: a line a metric with precision, recall, F1 and aligned accuracy.
std::string format_parse_scores(const ParseScores& scores);

// ---- Training: what `dyad train` runs -------------------------------------------------
//
// Rebuilds the four models from a UD treebank and scores them on its dev split: the
// segmenter on the treebank's raw text; the tagger on K jackknife folds (so the parser
// trains on tags as noisy as it will see), then on all of train with the lemmatiser; the
// parser on the jackknifed tags. Deterministic: fixed seeds, folds independent of threads.

struct NlpTrainOptions {
  std::string treebank_dir;  // holds <name>-ud-{train,dev,test}.conllu
  std::string out_dir;       // where the four model files go
  int threads = 2;
  int folds = 10;            // jackknife folds for the parser's training tags (0: gold tags)
  int tagger_epochs = 8;
  int parser_epochs = 15;
  int label_epochs = 10;
  int hash_bits = 22;
  // Parsers that vote (alternately left to right, right to left). One is the default: three
  // add 0.5 UAS on dev but cost a third of the speed (models/README.md).
  int parser_members = 1;
  int parser_beam = 1;       // 1: greedy members; above: globally trained beam members
  // For parser experiments: the jackknifed training tags are read from this CoNLL-U file
  // when it exists (written there otherwise), and with `parser_only` the segmenter, tagger
  // and lemmatiser already in `out_dir` are kept rather than retrained.
  std::string tags_cache;
  bool parser_only = false;
  // The accurate parser (neural_parser.bin): trained after the others, on the same
  // jackknifed tags. `neural_only` retrains just it, keeping the other models in out_dir.
  bool neural_parser = true;
  bool neural_only = false;
  int neural_epochs = 15;
  int neural_hidden = 128;
  bool evaluate_test = false;  // test is for reported figures only, never for tuning
  std::function<void(std::string_view)> progress;  // progress lines, may be empty
};

struct NlpSplitScores {
  ParseScores gold_tokens;  // tagging and parsing the treebank's own words
  ParseScores raw_text;     // everything from the split's raw text
  double words_per_second = 0;  // tagging + parsing with gold tokens, one thread
};

struct NlpTrainReport {
  NlpSplitScores dev;
  NlpSplitScores test;  // when evaluate_test
  bool has_accurate = false;  // the accurate (neural) parser was trained and scored too
  NlpSplitScores accurate_dev;
  NlpSplitScores accurate_test;
  double seconds = 0;
  std::string text;  // the report, also written to <out_dir>/train-report.txt
};

Result<NlpTrainReport> train_nlp_models(const NlpTrainOptions& options);

// Scores the models in `models_dir` on one treebank file.
Result<NlpSplitScores> score_nlp_models(const std::string& models_dir, const std::string& conllu_path);

// The source tree's ../shared/data/ud/en_ewt, where `dyad train` looks by default.
std::string default_treebank_dir();

}  // namespace dyad
