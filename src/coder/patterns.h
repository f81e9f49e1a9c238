// Verbs and their patterns on a parsed sentence: which dictionary verb a word is, which
// of its class's patterns match the verb's phrase, and so which event code it carries.
#pragma once

#include <string>
#include <vector>

#include "coder/sentence_view.h"
#include "dyad/lexicon.h"

namespace dyad::coding {

struct VerbCoding {
  const VerbEntry* entry = nullptr;
  const VerbPattern* pattern = nullptr;  // the most specific pattern that matched, if any
  std::string code;                       // "---" when the verb codes nothing here
  std::string paired;
  std::string where;                      // the pattern or verb line that decided the code
  int target_from = -1;  // the pattern's "+": the target is the first actor from this word on
  int source_from = -1;  // the pattern's "$": likewise for the source
};

// The dictionary verb at word `i` (a phrasal verb's other words must be present), or
// nullptr.
const VerbEntry* find_verb(const Lexicon& lex, const SentenceView& v, int i);

// How patterns are read (CoderOptions::clause_only_patterns, every_listing_patterns,
// pattern_words_as_written).
struct PatternRules {
  bool clause_only = false;
  bool every_listing = false;
  bool words_as_written = false;
};

// Codes the verb at word `i`: its entry, and the best pattern over the verb's phrase.
VerbCoding code_verb(const Lexicon& lex, const SentenceView& v, int i, const VerbEntry& entry, PatternRules rules);

}  // namespace dyad::coding
