// UTF-8 checks for input text. Bad input is reported, never silently mangled.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

// Byte offset of the first malformed UTF-8 sequence in `text` (overlong forms, surrogates
// and code points above U+10FFFF count as malformed), or nullopt when it is all valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Line (1-based) and column (1-based, in bytes) of byte `offset` in `text`.
std::string line_col(std::string_view text, std::size_t offset);

}  // namespace dyad
