// Part-of-speech tagger: a greedy averaged perceptron over joint UPOS+XPOS tags with rich
// lexical and context features (Collins 2002; Ratnaparkhi-style word shape and affix
// features), a tag dictionary for frequent unambiguous words, and a second, right-context
// pass that sees the first pass's tags on both sides.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/sentence.h"
#include "nlp/perceptron.h"

namespace dyad::nlp {

struct TaggerModel {
  std::vector<std::string> tags;  // "UPOS\tXPOS"
  std::vector<std::string> upos;  // per tag
  std::vector<std::string> xpos;  // per tag
  SparseModel first;              // left-to-right pass
  SparseModel second;             // pass with both sides' first-pass tags
  std::unordered_map<std::string, int> dictionary;  // lowercased word -> tag, when unambiguous
  std::unordered_map<std::string, int> counts;      // word form -> training frequency
  // Frequent lowercased words -> the tags they had in training (the only ones allowed).
  std::unordered_map<std::string, std::vector<int>> allowed;

  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);
};

inline constexpr std::string_view kTaggerKind = "tagger";
inline constexpr std::uint32_t kTaggerVersion = 1;

// Sets upos and xpos of every token.
void tag_sentence(const TaggerModel& model, Sentence& sentence);

struct TaggerTrainOptions {
  int epochs = 8;
  std::uint64_t seed = 20240602;
  std::function<void(std::string_view)> progress;
};

std::shared_ptr<TaggerModel> train_tagger(const std::vector<Sentence>& train,
                                          const TaggerTrainOptions& options);

}  // namespace dyad::nlp
