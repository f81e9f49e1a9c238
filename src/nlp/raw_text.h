// The raw text behind a CoNLL-U file, as the CoNLL 2018 shared task built its .txt inputs:
// sentence texts joined by a space (none after a SpaceAfter=No final token) within a
// paragraph, paragraphs (newpar / newdoc) separated by a blank line. Used to train the
// segmenter and to score the pipeline from raw text against a treebank.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/result.h"
#include "dyad/sentence.h"

namespace dyad::nlp {

struct RawDocument {
  std::string text;
  std::vector<Sentence> sentences;  // spans re-based into `text`
};

Result<RawDocument> conllu_to_raw(std::string_view conllu, std::string_view source = {});

// The surface tokens of a sentence: one span a token (a multi-word token once).
std::vector<Span> surface_tokens(const Sentence& sentence);

}  // namespace dyad::nlp
