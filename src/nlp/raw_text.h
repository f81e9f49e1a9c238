// Helpers over treebank sentences shared by training and scoring.
#pragma once

#include <vector>

#include "dyad/conllu.h"
#include "dyad/sentence.h"

namespace dyad::nlp {

// The surface tokens of a sentence: one span a token (a multi-word token once).
std::vector<Span> surface_tokens(const Sentence& sentence);

}  // namespace dyad::nlp
