// Penn Treebank trees, the parses PETRARCH reads (CoreNLP's output, and the <Parse> of
// PETRARCH's unit-test records):
//
//   (ROOT (S (NP (NNP Arnor)) (VP (VBD expelled) (NP (NNS diplomats))) (. .)))
//
// dyad codes on dependency parses, so it takes from a tree what a parser cannot know
// better: the words and their part-of-speech tags. Its own parser then builds the
// dependency tree on them (Analyzer::parse keeps tags that are given).
#pragma once

#include <string>
#include <string_view>

#include "dyad/result.h"
#include "dyad/sentence.h"

namespace dyad {

// The words of one tree with their Penn tags (xpos) and the Universal POS the tag
// decides; where it does not (VBZ is AUX for "is" but VERB for "wins"; TO is a particle
// or a preposition; IN a preposition or a subordinator) upos is left "_" for the tagger.
// Bracket words are restored (-LRB- is "("; `` and '' are '"'). Spans are the words'
// bytes in `text` when they are found there in order, else empty. Heads are unset (-1).
// kParse when the brackets do not balance or the tree has no words.
Result<Sentence> read_penn_words(std::string_view tree, std::string_view text = {});

// The Universal POS for a Penn tag and word, or "_" when the tag alone does not decide.
std::string upos_of_penn_tag(std::string_view tag, std::string_view word);

}  // namespace dyad
