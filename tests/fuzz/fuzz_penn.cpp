// Fuzzes the Penn-tree readers: any bytes (a tree, then after the first newline a text)
// give words or a kParse error, and every span found lies inside the text; a tree that
// converts to dependencies has the reader's words, each with one head, and one root, and
// following heads from any word reaches the root.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dyad/penn.h"

namespace {

void check_words(const dyad::Sentence& s, std::string_view text) {
  if (s.tokens.empty()) std::abort();
  for (const dyad::Token& t : s.tokens) {
    if (t.span.end > text.size() || (!t.span.empty() && text.substr(t.span.begin, t.span.size()) != t.form)) {
      std::abort();
    }
  }
}

void check_tree(const dyad::Sentence& s, const dyad::Sentence& words) {
  if (s.tokens.size() != words.tokens.size()) std::abort();
  const int n = static_cast<int>(s.tokens.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const dyad::Token& t = s.tokens[static_cast<std::size_t>(i)];
    if (t.form != words.tokens[static_cast<std::size_t>(i)].form || t.head < 0 || t.head > n || t.head == i + 1 ||
        t.deprel.empty() || t.upos == "_") {
      std::abort();
    }
    roots += t.head == 0;
    int at = i + 1, steps = 0;
    while (at != 0) {
      at = s.tokens[static_cast<std::size_t>(at - 1)].head;
      if (++steps > n) std::abort();  // a cycle
    }
  }
  if (roots != 1) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 20)) return 0;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  const std::string_view tree = input.substr(0, newline);
  const std::string_view text = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  auto words = dyad::read_penn_words(tree, text);
  auto deps = dyad::penn_to_dependencies(tree, text);
  if (!words.ok()) {
    if (words.error().code != dyad::ErrorCode::kParse || deps.ok()) std::abort();
    return 0;
  }
  check_words(*words, text);
  if (!deps.ok()) {
    if (deps.error().code != dyad::ErrorCode::kParse) std::abort();
    return 0;
  }
  check_tree(*deps, *words);
  return 0;
}
