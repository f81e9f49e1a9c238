// Fuzzes the JSON Lines and plain-text readers and the dateline parser: any bytes must give
// documents or clear errors, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

#include "dyad/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 20)) return 0;
  const std::string input(reinterpret_cast<const char*>(data), size);
  (void)dyad::parse_dateline(input, dyad::Date{2026, 1, 1});
  (void)dyad::parse_date(input);

  static const std::string dir = [] {
    char tmpl[] = "/tmp/dyad-fuzz-XXXXXX";
    return std::string(mkdtemp(tmpl));
  }();
  for (const char* name : {"/in.jsonl", "/in.txt"}) {
    const std::string path = dir + name;
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
      std::fwrite(input.data(), 1, input.size(), f);
      std::fclose(f);
    }
    std::size_t n = 0;
    (void)dyad::read_path(path, dyad::ReadOptions{}, [&](dyad::Result<dyad::Document> d) {
      if (d) n += d->text.size();
    });
  }
  return 0;
}
