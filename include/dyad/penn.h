// Penn Treebank trees, the parses PETRARCH reads (CoreNLP's output, and the <Parse> of
// PETRARCH's unit-test records):
//
//   (ROOT (S (NP (NNP Arnor)) (VP (VBD expelled) (NP (NNS diplomats))) (. .)))
//
// dyad codes on dependency parses. It reads from a tree either its words and their
// part-of-speech tags, for its own parser to build the dependency tree on them
// (Analyzer::parse keeps tags that are given), or the whole structure converted to
// Universal Dependencies by head rules (penn_to_dependencies), so that the coder reads the
// very structure PETRARCH read.
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

// The tree as a UD v2 dependency tree: the words of read_penn_words with a head and a
// relation each, found as Stanford's converter finds them. A phrase's head word is chosen
// by Collins's head rules, with content words as heads (a preposition is the `case` of its
// noun, an auxiliary or copula hangs on its verb or predicate, a complementizer is the
// `mark` of its clause), and the relation comes from the phrase, the dependent phrase and
// their order: nsubj (nsubj:pass under a passive "be" + VBN), obj, iobj, obl, nmod, amod,
// compound, det, case, mark, advcl, ccomp, xcomp, acl, acl:relcl, conj, cc, appos, aux,
// aux:pass, cop, advmod, nummod, nmod:poss, compound:prt, expl, punct, root (dep when no
// rule applies). Upos left "_" by the tag alone is decided by the word's role (IN is
// SCONJ as a mark, ADP as a case; "was" AUX as aux or cop, VERB as a head). Lemmas and
// feats are left "_" for a lemmatiser. kParse when the tree is malformed: brackets that
// do not balance, no words, a word outside a "(TAG word)" leaf, more than one tree, or
// nesting deeper than kMaxPennDepth.
Result<Sentence> penn_to_dependencies(std::string_view tree, std::string_view text = {});
inline constexpr int kMaxPennDepth = 400;

// The Universal POS for a Penn tag and word, or "_" when the tag alone does not decide.
std::string upos_of_penn_tag(std::string_view tag, std::string_view word);

}  // namespace dyad
