// CoNLL-U (Universal Dependencies v2) reading and writing.
//
// Reading turns CoNLL-U text into Sentences; writing turns Sentences back into CoNLL-U.
//
// How the CoNLL-U model maps onto dyad's Sentence/Token:
//  - Each syntactic word (integer ID line) becomes one Token, in order; HEAD "_" reads as -1.
//  - Empty nodes of enhanced dependencies (decimal IDs such as "8.1") are skipped: the
//    basic tree does not use them.
//  - A multi-word token (range line "1-2  don't") is kept as its words ("do", "n't") that
//    all carry the SAME span: the span of the surface token. The writer turns a run of
//    consecutive words with one identical non-empty span back into a range line whose form
//    is that span's text. The range line's SpaceAfter=No / CorrectSpaceAfter=Yes items are
//    carried on the group's last word while in memory, and moved back when written.
//  - Comments "# sent_id = X" and "# text = Y" fill Sentence::id and Sentence::text; other
//    comments (newdoc, newpar, ...) are not kept. Without "# text", the text is rebuilt from
//    the word forms and SpaceAfter=No.
//  - Spans: a file read as CoNLL-U has no original document, so dyad defines one: the
//    sentence texts joined by "\n", in file order. Sentence::span is the sentence's place
//    in that text and Token::span the place of the token's surface form in it (found by
//    matching the forms against "# text"; empty when a form cannot be found there).
//  - Sentence::index counts sentences from 0 in file order.
//
// Errors are kParse with "where" set to "<source>:<line>" for the offending line.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/result.h"
#include "dyad/sentence.h"

namespace dyad {

// Reads every sentence of a CoNLL-U text. `source` names the input in error messages
// (a file name, or empty). A file with no sentences yields an empty vector.
Result<std::vector<Sentence>> read_conllu(std::string_view text, std::string_view source = {});

// Reads a whole stream, then parses it as above.
Result<std::vector<Sentence>> read_conllu(std::istream& in, std::string_view source = {});

// Reads a CoNLL-U file from disk (kNotFound / kIo when it cannot be read).
Result<std::vector<Sentence>> read_conllu_file(const std::string& path);

// Writes one sentence as CoNLL-U: "# sent_id" (when id is set), "# text", the word lines
// (with range lines for multi-word tokens as described above), and a blank line. Empty
// fields are written "_"; tabs and newlines inside fields become spaces.
void write_conllu(std::ostream& out, const Sentence& sentence);

// The CoNLL-U text of one sentence or of several.
std::string to_conllu(const Sentence& sentence);
std::string to_conllu(const std::vector<Sentence>& sentences);

// The raw text behind a CoNLL-U file, as the CoNLL 2018 shared task built its .txt inputs:
// sentence texts joined by a space (none after a SpaceAfter=No final word) within a
// paragraph, paragraphs ("# newpar", "# newdoc") separated by a blank line. The sentences
// are those read_conllu() gives, with spans re-based into `text`. Used to train the
// segmenter and to score the whole pipeline from raw text against a treebank.
struct ConlluDocument {
  std::string text;
  std::vector<Sentence> sentences;
};
Result<ConlluDocument> read_conllu_document(std::string_view conllu, std::string_view source = {});

// Helpers for the MISC column ("Key=Value|Key=Value", "_" when empty).
// The value of `key` in `misc`, or empty when absent.
std::string misc_get(std::string_view misc, std::string_view key);
// `misc` with `key` set to `value` (added or replaced); an empty value removes the key.
std::string misc_set(std::string_view misc, std::string_view key, std::string_view value);

}  // namespace dyad
