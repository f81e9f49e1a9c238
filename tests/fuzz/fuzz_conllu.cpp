// Fuzzes the CoNLL-U reader and writer: any bytes give sentences or a kParse error; what
// was read writes out and reads back to the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dyad/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 20)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = dyad::read_conllu(text, "fuzz");
  if (!r.ok()) {
    if (r.error().code != dyad::ErrorCode::kParse) std::abort();
    return 0;
  }
  (void)dyad::read_conllu_document(text, "fuzz");
  const std::string once = dyad::to_conllu(r.value());
  auto again = dyad::read_conllu(std::string_view(once), "rewritten");
  if (!again.ok()) std::abort();
  if (dyad::to_conllu(again.value()) != once) std::abort();
  return 0;
}
