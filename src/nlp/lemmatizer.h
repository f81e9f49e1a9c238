// Lemmatiser and morphological features.
//
// Lemmas: the treebank's lemma for a known (form, XPOS) pair, else for the lowercased
// form, else an edit rule learned from the treebank's types: "strip k characters, append
// s", applied to the form as written or lowercased, chosen by the longest known suffix
// of the lowercased form under the same XPOS ("studies"/NNS -> strip 3 append "y").
// A verb form the treebank never showed (past, participle, -ing, -s) is looked up among the
// English irregular verbs first ("fled" -> "flee", "withdrew" -> "withdraw"); for a regular
// one, a rule whose lemma the treebank never had gives way to the stripped form it did have
// ("raided": "raid", not "raide").
// Features (FEATS): the most frequent bundle for (word, UPOS, XPOS), else for (UPOS, XPOS).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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
  // Every lemma and lowercased form the treebank has (derived from `lower`, not stored).
  std::unordered_set<std::string> known_words;

  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);
  void index_known_words();
};

// The base of an irregular English verb form, lowercase ("fled" -> "flee", "overran" ->
// "overrun"), or "" when it is not one.
std::string irregular_verb_lemma(std::string_view lower_form);

inline constexpr std::string_view kLemmatizerKind = "lemmatizer";
inline constexpr std::uint32_t kLemmatizerVersion = 1;
inline constexpr std::size_t kMaxLemmaSuffix = 7;

// Sets lemma and feats of every token (needs upos and xpos).
void lemmatize_sentence(const LemmatizerModel& model, Sentence& sentence);

std::string lemma_of(const LemmatizerModel& model, std::string_view form, std::string_view xpos);

std::shared_ptr<LemmatizerModel> train_lemmatizer(const std::vector<Sentence>& train);

}  // namespace dyad::nlp
