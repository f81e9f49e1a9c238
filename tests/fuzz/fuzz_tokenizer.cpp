// Fuzzes the segmenter (rules alone, and with the committed model when present): any bytes
// must give sentences whose spans lie inside the input, in order, with valid UTF-8 forms
// and bounded sentence and token sizes — never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dyad/nlp.h"
#include "dyad/text.h"
#include "dyad/utf8.h"

namespace {

void check(const dyad::Segmenter& seg, std::string_view text) {
  std::size_t last = 0;
  for (const dyad::Sentence& s : seg.segment(text)) {
    if (s.tokens.empty() || s.tokens.size() > seg.options().max_sentence_words + 8) std::abort();
    if (s.span.end > text.size() || s.span.begin < last) std::abort();
    for (const dyad::Token& t : s.tokens) {
      if (t.span.begin < s.span.begin || t.span.end > s.span.end || t.span.empty()) std::abort();
      if (t.span.size() > seg.options().max_token_bytes) std::abort();
      if (t.form.empty() || dyad::find_invalid_utf8(t.form).has_value()) std::abort();
    }
    last = s.span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 16)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const dyad::Segmenter rules;
  check(rules, text);
  static const dyad::Result<dyad::Segmenter> trained =
      dyad::Segmenter::load(dyad::default_nlp_models_dir() + "/segmenter.bin");
  if (trained.ok()) check(trained.value(), text);
  return 0;
}
