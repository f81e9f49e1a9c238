// Segmentation: raw UTF-8 text to sentences of UD-style words with byte offsets.
//
// The Segmenter splits text into paragraphs (at blank lines), surface tokens, sentences
// and syntactic words, following UD English (EWT) conventions:
//  - punctuation is split off words ("said," -> said ,), but abbreviations keep their
//    period ("Gen.", "U.S.", "Jan."), numbers keep their inner punctuation ("3.5",
//    "1,000", "5:30"), and URLs, e-mail addresses and emoticons stay whole;
//  - hyphenated compounds are split ("al-Qaeda" -> al - Qaeda) except after prefixes
//    ("e-mail", "non-violent") and in phone numbers and dates;
//  - clitics become multi-word tokens: "don't" -> do n't, "Bush's" -> Bush 's,
//    "cannot" -> can not. The words of one multi-word token share its span (conllu.h).
//  - datelines such as "CARACAS, Dec 3 (Reuters) -" stay in the sentence they open.
//
// It works from rules alone (a default-constructed Segmenter), or with a model trained
// on a treebank (Segmenter::load) that refines the same decisions: which character-run
// boundaries inside a whitespace-free chunk are token boundaries, and which token ends
// are sentence ends. Spans are byte offsets into the text passed to segment(); forms
// replace malformed UTF-8 by U+FFFD and control characters by spaces, so output is
// always valid UTF-8. Any input is accepted: no crash, no hang, linear time.
//
// A Segmenter is immutable after construction and safe to share between threads.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/result.h"
#include "dyad/sentence.h"

namespace dyad {

struct SegmenterOptions {
  // A single line break ends a sentence (one sentence a line); blank lines always do.
  bool line_breaks_end_sentences = false;
  // Longer stretches without a sentence end are cut into sentences of this many words,
  // so a megabyte without punctuation cannot stall the parser.
  std::size_t max_sentence_words = 250;
  // A run of characters without any break longer than this is cut into tokens this long.
  std::size_t max_token_bytes = 256;
};

namespace text {
struct SegmenterModel;
}

class Segmenter {
 public:
  // Rules only.
  explicit Segmenter(SegmenterOptions options = {});

  // With a trained model (a "segmenter" model file written by `dyad train`).
  static Result<Segmenter> load(const std::string& path, SegmenterOptions options = {});

  // Sentences of `text`, in order, with Sentence::index counting from 0, Sentence::span
  // and Token::span giving byte offsets into `text`, Sentence::text the sentence's own
  // bytes, and Token::misc "SpaceAfter=No" where no whitespace follows the token. Only
  // form, span and misc are filled; heads are -1.
  std::vector<Sentence> segment(std::string_view text) const;

  // The surface tokens of `text` (a multi-word token is one span), without sentences.
  std::vector<Span> tokenize(std::string_view text) const;

  const SegmenterOptions& options() const { return options_; }
  bool trained() const { return model_ != nullptr; }

  // Internal: wraps a model built by the trainer.
  Segmenter(std::shared_ptr<const text::SegmenterModel> model, SegmenterOptions options);

 private:
  std::shared_ptr<const text::SegmenterModel> model_;
  SegmenterOptions options_;
};

}  // namespace dyad
