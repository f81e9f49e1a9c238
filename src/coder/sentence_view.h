// A parsed sentence prepared for coding: upper-case words, 0-based heads, UD v2 relations
// and child lists. Built once per sentence; everything in the coder reads from it.
#pragma once

#include <string>
#include <vector>

#include "dyad/sentence.h"

namespace dyad::coding {

struct Word {
  std::string form;   // upper case
  std::string lemma;  // upper case; the form when the parse has none
  std::string upos;
  bool finite = false;  // a finite verb form by the tagger (VerbForm=Fin, VBD, VBZ, VBP)
  std::string rel;    // UD v2 base relation: "nsubj", "obl", ...
  std::string sub;    // its subtype: "pass", "poss", "agent", ...
  int head = -1;      // 0-based; -1 for the root
  std::vector<int> kids;
  Span span;
};

class SentenceView {
 public:
  explicit SentenceView(const Sentence& sentence);

  int size() const { return static_cast<int>(words_.size()); }
  const Word& operator[](int i) const { return words_[static_cast<std::size_t>(i)]; }

  // Children of `i` with relation `rel` (base name; "nsubj" also finds "nsubj:pass").
  std::vector<int> kids_with(int i, const char* rel) const;
  int first_kid(int i, const char* rel) const;
  bool has_kid_lemma(int i, const char* rel, std::initializer_list<const char*> lemmas) const;
  // All words of the subtree under `i`, in sentence order.
  std::vector<int> subtree(int i) const;
  // Text of words [begin, end] as they appear in the document, joined by spaces when the
  // parse has no spans.
  Span span_of(int first, int last) const;

 private:
  void lift_verb_under_noun_root();
  void lift_parataxis_verb(int root);
  void lift_verb_before_object_root(int root);
  // Makes `verb` the root and the noun `root` its subject, with the noun's dependents after
  // the verb.
  void make_predicate(int root, int verb);

  std::vector<Word> words_;
};

}  // namespace dyad::coding
