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
  // Members (classes: shift, reduce, left-arc, right-arc), reading the sentence left to
  // right or right to left; with several, they vote on arcs. A member with a beam wider
  // than 1 was trained globally and decodes with a beam of that width; 1 is greedy.
  std::vector<DenseHashedModel> members;
  std::vector<bool> reversed;
  std::vector<int> beams;
  SparseModel labels;               // classes: deprels
  std::vector<std::string> deprels;
  int root_label = -1;              // index of "root"

  void save(BinaryWriter& w) const;
  // `version` 1 files hold one left-to-right member; version 2 files greedy members only.
  bool load(BinaryReader& r, std::uint32_t version = 3);
};

inline constexpr std::string_view kParserKind = "parser";
inline constexpr std::uint32_t kParserVersion = 3;
inline constexpr int kMaxBeam = 64;
inline constexpr std::uint32_t kParserMinVersion = 1;

// Longer sentences take the first member's tree without a vote (the vote's decoder is
// cubic in sentence length).
inline constexpr std::size_t kMaxVoteWords = 160;

// Sets head and deprel of every token (needs form, lemma, upos and xpos), with the first
// `members` members voting (0: all of them).
void parse_sentence(const ParserModel& model, Sentence& sentence, int members = 0);

struct ParserTrainOptions {
  int epochs = 15;
  int label_epochs = 10;
  int hash_bits = 22;
  int members = 3;      // alternately left to right and right to left
  int threads = 2;      // members train in parallel
  int explore_from_epoch = 2;   // follow the model's own mistakes from this epoch on
  double explore_probability = 0.9;
  // Above 1: members are trained globally over a beam of this width (max-violation
  // perceptron updates, Huang et al. 2012) and decode with it; 1: greedy members with
  // the dynamic oracle.
  int beam = 1;
  std::uint64_t seed = 20240603;
  std::function<void(std::string_view)> progress;
};

// `train` holds the treebank's gold trees; its tags are what the parser will see at run
// time (ideally jackknifed tagger output).
std::shared_ptr<ParserModel> train_parser(const std::vector<Sentence>& train,
                                          const ParserTrainOptions& options);

// The projective tree maximising the sum of arc scores (Eisner 1996): score[h*(n+1)+d]
// for the arc h -> d over words 1..n with 0 the root. Returns heads (index 0 unused).
std::vector<int> eisner(const std::vector<float>& score, int n);

// A copy of `heads` made projective by lifting non-projective arcs to their grandparent
// (heads are 0-based word positions + 1, with 0 the root).
std::vector<int> projectivize(const std::vector<int>& heads);

}  // namespace dyad::nlp
