// The lemmatiser on verb forms its treebank never had: irregular verbs and the regular
// bases it chooses between. A tiny model trained here, so the test needs no data.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "dyad/sentence.h"
#include "nlp/lemmatizer.h"

namespace dyad::nlp {
namespace {

Token word(const std::string& form, const std::string& xpos, const std::string& lemma) {
  Token t;
  t.form = form;
  t.xpos = xpos;
  t.upos = xpos.starts_with("VB") ? "VERB" : "NOUN";
  t.lemma = lemma;
  return t;
}

std::shared_ptr<LemmatizerModel> small_model() {
  Sentence s;
  // "decided" teaches the rule "-ided -> -ide" that would make "raided" into "raide".
  for (const auto& [form, xpos, lemma] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"decided", "VBD", "decide"}, {"provided", "VBD", "provide"}, {"raid", "NN", "raid"},
           {"hoped", "VBD", "hope"}, {"stopped", "VBD", "stop"}, {"sanction", "NN", "sanction"}}) {
    s.tokens.push_back(word(form, xpos, lemma));
  }
  return train_lemmatizer({s});
}

TEST(Lemmatizer, IrregularVerbsAndTheirPrefixedForms) {
  EXPECT_EQ(irregular_verb_lemma("fled"), "flee");
  EXPECT_EQ(irregular_verb_lemma("forbade"), "forbid");
  EXPECT_EQ(irregular_verb_lemma("withdrew"), "withdraw");
  EXPECT_EQ(irregular_verb_lemma("overran"), "overrun");
  EXPECT_EQ(irregular_verb_lemma("upheld"), "uphold");
  EXPECT_EQ(irregular_verb_lemma("raided"), "");
  EXPECT_EQ(irregular_verb_lemma("red"), "");  // too short to be "re" + a form
}

TEST(Lemmatizer, UnknownVerbFormsPreferABaseTheTreebankKnows) {
  const auto model = small_model();
  EXPECT_EQ(lemma_of(*model, "decided", "VBD"), "decide");   // known form
  EXPECT_EQ(lemma_of(*model, "raided", "VBD"), "raid");      // the rule says "raide"
  EXPECT_EQ(lemma_of(*model, "sanctioned", "VBN"), "sanction");
  EXPECT_EQ(lemma_of(*model, "froze", "VBD"), "freeze");     // irregular
  EXPECT_EQ(lemma_of(*model, "Fled", "VBD"), "flee");
  // Not a verb tag: the learned rules alone, no verb table.
  EXPECT_NE(lemma_of(*model, "froze", "NN"), "freeze");
}

}  // namespace
}  // namespace dyad::nlp
