// Lemmatiser and morphological features.
//
// Lemmas: the treebank's lemma for a known (form, XPOS) pair, else for the lowercased
// form, else an edit rule learned from the treebank's types: "strip k characters, append
// s", applied to the form as written or lowercased, chosen by the longest known suffix
// of the lowercased form under the same XPOS ("studies"/NNS -> strip 3 append "y").
// Features (FEATS): the most frequent bundle for (word, UPOS, XPOS), else for (UPOS, XPOS).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/sentence.h"
#include "nlp/model_io.h"

namespace dyad::nlp {

struct LemmaRule {
  bool lower = false;        // apply to the lowercased form
  std::uint16_t strip = 0;   // bytes removed from the end
  std::string append;        // then appended
  friend auto operator<=>(const LemmaRule&, const LemmaRule&) = default;
};

struct LemmatizerModel {
  std::unordered_map<std::string, std::string> exact;  // form \t xpos -> lemma
  std::unordered_map<std::string, std::string> lower;  // lowercased form \t xpos -> lemma
  std::unordered_map<std::string, LemmaRule> rules;    // xpos \t suffix -> rule
  std::unordered_map<std::string, std::string> word_feats;  // lowercased \t upos \t xpos
  std::unordered_map<std::string, std::string> tag_feats;   // upos \t xpos

  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);
};

inline constexpr std::string_view kLemmatizerKind = "lemmatizer";
inline constexpr std::uint32_t kLemmatizerVersion = 1;
inline constexpr std::size_t kMaxLemmaSuffix = 7;

// Sets lemma and feats of every token (needs upos and xpos).
void lemmatize_sentence(const LemmatizerModel& model, Sentence& sentence);

std::string lemma_of(const LemmatizerModel& model, std::string_view form, std::string_view xpos);

std::shared_ptr<LemmatizerModel> train_lemmatizer(const std::vector<Sentence>& train);

}  // namespace dyad::nlp
