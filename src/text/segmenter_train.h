// Training the segmenter's boundary and sentence classifiers and its multi-word token
// table from treebank documents (raw text with gold token and sentence spans).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "dyad/text.h"
#include "nlp/raw_text.h"
#include "text/segmenter_impl.h"

namespace dyad::text {

struct SegmenterTrainOptions {
  int epochs = 10;
  std::uint64_t seed = 20240601;
  std::function<void(std::string_view)> progress;  // progress lines, may be empty
};

std::shared_ptr<SegmenterModel> train_segmenter(const std::vector<ConlluDocument>& docs,
                                                const SegmenterTrainOptions& options);

struct SegmenterScores {
  double token_precision = 0, token_recall = 0, token_f1 = 0;
  double sentence_precision = 0, sentence_recall = 0, sentence_f1 = 0;
};

// Tokens and sentences of `segmenter` on the document's text against its gold spans.
SegmenterScores score_segmenter(const Segmenter& segmenter, const ConlluDocument& gold);

}  // namespace dyad::text
