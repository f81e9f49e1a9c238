// Internals of the Segmenter, shared by segmentation and its trainer.
//
// Segmentation runs in stages over a paragraph (text between blank lines):
//  1. chunks: maximal runs of non-space characters;
//  2. pieces: each chunk cut into letter runs, digit runs, single symbols, and atomic
//     pieces (URLs, e-mail addresses, emoticons, repeated punctuation);
//  3. tokens: each boundary between two pieces of a chunk is kept (a token boundary) or
//     dropped (the pieces join) — by rules, refined by a binary perceptron if trained;
//  4. sentences: each token end is a sentence end or not — rules, refined likewise;
//  5. words: surface tokens become one or more syntactic words (clitics, "cannot").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/sentence.h"
#include "dyad/text.h"
#include "nlp/perceptron.h"
#include "text/chars.h"

namespace dyad::text {

enum class PieceKind : std::uint8_t {
  kLower,    // "word"
  kCapital,  // "Word"
  kUpper,    // "WORD" (two letters or more)
  kMixed,    // "iPhone", "A" (single capital)
  kDigit,    // "123"
  kSymbol,   // one punctuation or symbol character, or a run of one repeated
  kAtomic,   // a URL, e-mail address or emoticon: never split
};

struct Piece {
  std::size_t begin = 0;
  std::size_t end = 0;
  PieceKind kind = PieceKind::kSymbol;
  char32_t first = 0;  // first code point
  bool alnum() const { return kind != PieceKind::kSymbol && kind != PieceKind::kAtomic; }
  bool letters() const { return alnum() && kind != PieceKind::kDigit; }
};

// The trained part of a Segmenter.
struct SegmenterModel {
  nlp::SparseModel boundary;  // classes: 0 split, 1 join
  nlp::SparseModel sentence;  // classes: 0 go on, 1 sentence ends here
  // Lowercased surface token -> its lowercased words, for multi-word tokens that were
  // split in the majority of their treebank occurrences.
  std::unordered_map<std::string, std::vector<std::string>> mwt;
  // Lowercased surface tokens seen whole in the treebank that the clitic rules would split.
  std::unordered_map<std::string, bool> keep_whole;

  void save(nlp::BinaryWriter& w) const;
  bool load(nlp::BinaryReader& r);
};

inline constexpr std::string_view kSegmenterKind = "segmenter";
inline constexpr std::uint32_t kSegmenterVersion = 1;

// Paragraphs of text: spans between blank lines (or between any line breaks when
// `line_breaks` is set), trimmed of surrounding whitespace; empty ones are skipped.
void paragraphs(std::string_view text, bool line_breaks, std::vector<Span>& out);

// Whitespace-separated chunks of a span.
void chunks(std::string_view text, Span span, std::vector<Span>& out);

// Pieces of a chunk; no piece is longer than max_bytes (longer runs are cut).
void pieces(std::string_view text, Span chunk, std::size_t max_bytes, std::vector<Piece>& out);

// Rule decision: do pieces i and i+1 of a chunk join into one token?
bool rule_join(std::string_view text, const std::vector<Piece>& p, std::size_t i);

// What follows a chunk: 'E' end of paragraph, 'U' uppercase letter, 'l' lowercase,
// 'd' digit, 'p' anything else.
char next_kind(std::string_view text, std::size_t pos, std::size_t para_end);

void boundary_features(std::string_view text, const std::vector<Piece>& p, std::size_t i,
                       char after, bool rule, std::vector<std::uint64_t>& f);

// Surface tokens of one paragraph.
void tokenize_span(std::string_view text, Span para, const SegmenterModel* model,
                   const SegmenterOptions& options, std::vector<Span>& out);

// Sentence decisions after token i of a paragraph's tokens (i + 1 < tokens.size()).
bool rule_sentence_end(std::string_view text, const std::vector<Span>& tokens, std::size_t i);
void sentence_features(std::string_view text, const std::vector<Span>& tokens, std::size_t i,
                       bool rule, std::vector<std::uint64_t>& f);

// Index of the dash that ends a news dateline opening the paragraph's tokens
// ("CARACAS , Dec 3 ( Reuters ) -"), or npos.
std::size_t dateline_end(std::string_view text, const std::vector<Span>& tokens);

// Indices (into tokens) of the last token of each sentence of a paragraph.
void sentence_ends(std::string_view text, const std::vector<Span>& tokens,
                   const SegmenterModel* model, const SegmenterOptions& options,
                   std::vector<std::size_t>& out);

// The words of a surface token: (form, one shared span).
void token_words(std::string_view text, Span token, const SegmenterModel* model,
                 std::vector<std::string>& forms);

// Rule-based clitic split of a lowercased token ("don't" -> do n't): the byte lengths of
// the words, or empty when it is one word.
std::vector<std::size_t> clitic_split(std::string_view lower);

}  // namespace dyad::text
