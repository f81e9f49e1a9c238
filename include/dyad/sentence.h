// Sentences and tokens: the hand-off from segmentation and analysis to the coder.
//
// A Token keeps the byte span of its surface form in the original UTF-8 text of its
// document, so every coded event can point back at the exact words it came from.
// The fields after `form` follow the ten CoNLL-U columns (Universal Dependencies v2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dyad {

// A half-open byte range [begin, end) into a document's original UTF-8 text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  bool empty() const { return end <= begin; }
  std::size_t size() const { return end > begin ? end - begin : 0; }
  friend bool operator==(const Span&, const Span&) = default;
};

// One syntactic word. Multi-word tokens ("don't" -> "do" + "n't") are kept as separate
// words that share or split the span of the surface token.
struct Token {
  std::string form;    // surface form as it appears (after normalisation) in the text
  std::string lemma;   // "_" when unknown
  std::string upos;    // Universal POS tag (NOUN, VERB, PROPN, ...)
  std::string xpos;    // language-specific tag (Penn Treebank for English)
  std::string feats;   // UD morphological features, "_" when none
  int head = -1;       // 1-based index of the head word, 0 for the root, -1 when unparsed
  std::string deprel;  // UD v2 relation to the head (nsubj, obj, obl, nmod, ...)
  std::string deps;    // enhanced dependencies, "_" when none
  std::string misc;    // CoNLL-U MISC column, "_" when none
  Span span;           // bytes of `form` in the original document text; empty if unknown
};

// A sentence: its words in order, with 1-based heads into `tokens` (head k means
// tokens[k - 1]). `text` is the sentence's own text, `span` its place in the document.
struct Sentence {
  std::size_t index = 0;  // 0-based position in the document
  std::string id;         // CoNLL-U sent_id when read from CoNLL-U, else empty
  std::string text;
  Span span;
  std::vector<Token> tokens;

  bool parsed() const { return !tokens.empty() && tokens.front().head >= 0; }
};

}  // namespace dyad
