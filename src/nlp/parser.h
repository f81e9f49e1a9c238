// Dependency parser: greedy arc-eager transitions scored by an averaged perceptron with
// the rich non-local features of Zhang & Nivre (2011), trained with the dynamic oracle of
// Goldberg & Nivre (2012, 2013) and error exploration; then each arc is labelled with a
// UD v2 relation by a second perceptron that sees the finished tree around the arc.
//
// The transition model uses hashed feature weights (a fixed table, no keys), which keeps
// scoring to one memory access a feature. Output trees are projective, single-rooted and
// cover every word.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/sentence.h"
#include "nlp/perceptron.h"

namespace dyad::nlp {

struct ParserModel {
  DenseHashedModel transitions;     // classes: shift, reduce, left-arc, right-arc
  SparseModel labels;               // classes: deprels
  std::vector<std::string> deprels;
  int root_label = -1;              // index of "root"

  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);
};

inline constexpr std::string_view kParserKind = "parser";
inline constexpr std::uint32_t kParserVersion = 1;

// Longest sentence parsed as one: longer ones are parsed in windows of this many words,
// chained left to right (the segmenter already cuts sentences well below this).
inline constexpr std::size_t kMaxParseWords = 400;

// Sets head and deprel of every token (needs form, lemma, upos and xpos).
void parse_sentence(const ParserModel& model, Sentence& sentence);

struct ParserTrainOptions {
  int epochs = 15;
  int label_epochs = 10;
  int hash_bits = 22;
  int explore_from_epoch = 2;   // follow the model's own mistakes from this epoch on
  double explore_probability = 0.9;
  std::uint64_t seed = 20240603;
  std::function<void(std::string_view)> progress;
  // Called after each epoch with the model so far (for dev-set monitoring); may be empty.
  std::function<void(int epoch, const ParserModel&)> on_epoch;
};

// `train` holds the treebank's gold trees; its tags are what the parser will see at run
// time (ideally jackknifed tagger output).
std::shared_ptr<ParserModel> train_parser(const std::vector<Sentence>& train,
                                          const ParserTrainOptions& options);

// A copy of `heads` made projective by lifting non-projective arcs to their grandparent
// (heads are 0-based word positions + 1, with 0 the root).
std::vector<int> projectivize(const std::vector<int>& heads);

}  // namespace dyad::nlp
