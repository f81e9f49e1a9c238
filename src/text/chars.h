// Lenient UTF-8 decoding and the character classes the tokenizer works with.
//
// Malformed bytes never stop the tokenizer: each one decodes as a single-byte
// "invalid" character of class kSymbol, and forms built from them carry U+FFFD.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::text {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the character at text[i]; sets `len` to its byte length (1 for a bad byte,
// which decodes as kInvalid).
char32_t decode_utf8(std::string_view text, std::size_t i, std::size_t& len);

void append_utf8(std::string& out, char32_t cp);

enum class CharClass : std::uint8_t {
  kSpace,   // whitespace, control characters, zero-width spaces, BOM
  kLetter,  // letters of any script, and combining marks
  kDigit,   // decimal digits
  kSymbol,  // punctuation, symbols, emoji, anything else
};

CharClass char_class(char32_t cp);

// True for line breaks: \n, \r, U+0085, U+2028, U+2029.
inline bool is_newline(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

bool is_upper(char32_t cp);
bool is_lower(char32_t cp);

// `s` with malformed UTF-8 bytes replaced by U+FFFD and control characters by spaces.
std::string clean_form(std::string_view s);

// ASCII lowercase (non-ASCII bytes are kept).
std::string ascii_lower(std::string_view s);

}  // namespace dyad::text
