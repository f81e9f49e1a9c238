// Fuzzes the Penn-tree word reader: any bytes (a tree, then after the first newline a text)
// give words or a kParse error, and every span found lies inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dyad/penn.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 20)) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string_view tree = input.substr(0, newline);
  const std::string_view text = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  auto r = dyad::read_penn_words(tree, text);
  if (!r.ok()) {
    if (r.error().code != dyad::ErrorCode::kParse) std::abort();
    return 0;
  }
  if (r->tokens.empty()) std::abort();
  for (const dyad::Token& t : r->tokens) {
    if (t.span.end > text.size() || (!t.span.empty() && text.substr(t.span.begin, t.span.size()) != t.form)) {
      std::abort();
    }
  }
  return 0;
}
