// Where the NLP tests find the UD treebank, and what they do when it is absent:
// with CI=true a missing treebank FAILS the test, otherwise the test is skipped.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "dyad/sentence.h"

namespace dyad::testing {

inline std::string ewt_path(const std::string& split) {
  return std::string(DYAD_SOURCE_DIR) + "/../shared/data/ud/en_ewt/en_ewt-ud-" + split +
         ".conllu";
}

inline bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

// Four tiny gold trees (form, xpos, upos, head, relation per word) that a parser must learn.
struct ToyWord {
  const char* form;
  const char* xpos;
  const char* upos;
  int head;
  const char* deprel;
};

inline std::vector<Sentence> toy_treebank() {
  const std::vector<std::vector<ToyWord>> trees = {
      {{"John", "NNP", "PROPN", 2, "nsubj"}, {"saw", "VBD", "VERB", 0, "root"},
       {"Mary", "NNP", "PROPN", 2, "obj"}, {".", ".", "PUNCT", 2, "punct"}},
      {{"The", "DT", "DET", 2, "det"}, {"army", "NN", "NOUN", 3, "nsubj"},
       {"attacked", "VBD", "VERB", 0, "root"}, {"the", "DT", "DET", 5, "det"},
       {"town", "NN", "NOUN", 3, "obj"}, {"in", "IN", "ADP", 7, "case"},
       {"May", "NNP", "PROPN", 3, "obl"}, {".", ".", "PUNCT", 3, "punct"}},
      {{"Rebels", "NNS", "NOUN", 2, "nsubj"}, {"fired", "VBD", "VERB", 0, "root"},
       {"on", "IN", "ADP", 4, "case"}, {"police", "NNS", "NOUN", 2, "obl"},
       {"and", "CC", "CCONJ", 6, "cc"}, {"fled", "VBD", "VERB", 2, "conj"}},
      {{"Officials", "NNS", "NOUN", 2, "nsubj"}, {"said", "VBD", "VERB", 0, "root"},
       {"talks", "NNS", "NOUN", 4, "nsubj"}, {"failed", "VBD", "VERB", 2, "ccomp"}},
  };
  std::vector<Sentence> out;
  for (const auto& words : trees) {
    Sentence s;
    for (const ToyWord& w : words) {
      Token t;
      t.form = w.form;
      t.lemma = w.form;
      t.xpos = w.xpos;
      t.upos = w.upos;
      t.head = w.head;
      t.deprel = w.deprel;
      s.tokens.push_back(t);
    }
    out.push_back(s);
  }
  return out;
}

}  // namespace dyad::testing

// Skips the test (or fails it under CI=true) when the EWT split `split` is absent.
#define DYAD_REQUIRE_EWT(split)                                                          \
  do {                                                                                   \
    if (!std::filesystem::exists(::dyad::testing::ewt_path(split))) {                    \
      if (::dyad::testing::in_ci()) {                                                    \
        FAIL() << "UD EWT data missing: " << ::dyad::testing::ewt_path(split);           \
      } else {                                                                           \
        GTEST_SKIP() << "UD EWT data absent (" << ::dyad::testing::ewt_path(split)       \
                     << "); set up ../shared/data/ud to run this test";                  \
      }                                                                                  \
    }                                                                                    \
  } while (false)
