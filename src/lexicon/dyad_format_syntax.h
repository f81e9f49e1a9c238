// The lexical layer of dyad's dictionary format, shared by its reader, writer and linter:
// how a line splits into tokens, how words are escaped, how codes and dates are spelled.
// docs/dictionaries.md is the user-facing description.
#pragma once

#include <climits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/lexicon.h"

namespace dyad::dyad_format {

struct Token {
  enum class Kind { kWord, kBracket, kOpenPrep, kClosePrep, kOpenPhrase, kClosePhrase };
  Kind kind = Kind::kWord;
  std::string text;          // unescaped word, or the text inside "[...]"
  bool literal_first = false;  // the first character was escaped ("\&")
  bool literal_last = false;   // the last character was escaped ("\*")
  bool literal_before_last = false;  // the one before it was ("PLA\**": the stem "PLA*")
};

struct Line {
  bool indented = false;  // starts with a space or a tab: a member of the open block
  std::vector<Token> tokens;
};

// Splits one line (without its newline). Whitespace separates tokens; "\x" takes x
// literally; an unescaped "#" at the start of a token starts a comment; "[...]" is one
// bracket token; with `pattern`, unescaped "(", ")", "{" and "}" are tokens of their own.
// Returns an error message for an unclosed bracket or a dangling backslash.
std::optional<std::string> split_line(std::string_view text, bool pattern, Line& out);

// Where a word is written, which decides the characters that need a backslash.
enum class WordContext { kPhrase, kPattern, kVerb };

// Escapes a word for writing: a backslash before characters that would otherwise be
// syntax (a final "*" that is not a stem marker, "#" and "[" anywhere, "&" or "+" in
// front, pattern punctuation, a final ":", whitespace, the backslash itself).
std::string escape_word(std::string_view word, WordContext context);

// A stored word as written: escaped, with "*" after a stem, "**" after a short stem that
// begins any word (LexWord::any_prefix, from TABARI: "PLA**" matches PLAN).
std::string word_text(const LexWord& w, WordContext context);

// A pattern's items as written after "pattern" (without its code): "* (TO BORDER)".
std::string pattern_text(const VerbPattern& pattern);

// "2009-01-20..2017-01-20", "..2009-01-19", "2009-01-20..", or "" when undated.
std::string date_range_text(long from, long to);
// Parses what date_range_text writes. Returns false with `error` set when malformed.
bool parse_date_range(std::string_view text, long& from, long& to, std::string& error);

// "042", "042:043", ":173"; "" when both are empty.
std::string event_code_text(const std::string& code, const std::string& paired);

// A phrase's id in the PETRARCH notation the field's dictionaries use: words joined by
// "_", with "_" after every exact word when `trailing` (actors: "BARACK_OBAMA_", a stem
// "ARGENTIN" without), and without it for agents ("CATTLE_RANCHER").
std::string derived_id(const Phrase& phrase, bool trailing);

// 64-bit FNV-1a of the bytes, as 16 hex digits: the file hashes in Lexicon::version.
std::string content_hash(std::string_view bytes);

}  // namespace dyad::dyad_format
