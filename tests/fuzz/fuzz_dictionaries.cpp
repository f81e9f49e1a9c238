// Fuzzes the dictionary readers (dyad's format, PETRARCH's and TABARI's verb, actor, agent
// and discard files, TABARI options and validation text) and the writer and linter: any
// bytes must give a lexicon with issues, never a crash, a hang or a sanitizer report. What
// dyad's reader accepts must also write and read back without new issues.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <unistd.h>

#include "dyad/lexicon.h"
#include "dyad/validation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1 << 18)) return 0;
  const std::string input(reinterpret_cast<const char*>(data), size);

  dyad::Lexicon lex;
  (void)dyad::parse_dyad_dictionary(input, "fuzz.dyad", lex, {});
  (void)dyad::lint_lexicon(lex);
  if (lex.issues.empty()) {
    const std::string written = dyad::write_dyad_dictionary(lex);
    dyad::Lexicon again;
    (void)dyad::parse_dyad_dictionary(written, "again.dyad", again, {});
    if (!again.issues.empty()) std::abort();  // the writer wrote something its reader rejects
  }

  static const std::string dir = [] {
    char tmpl[] = "/tmp/dyad-fuzz-dict-XXXXXX";
    return std::string(mkdtemp(tmpl));
  }();
  const std::string path = dir + "/input";
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(input.data(), 1, input.size(), f);
    std::fclose(f);
  }
  using Reader = dyad::Status (*)(const std::string&, dyad::Lexicon&, const dyad::LoadOptions&);
  for (Reader reader : {Reader(dyad::read_verb_file), Reader(dyad::read_actor_file), Reader(dyad::read_agent_file),
                        Reader(dyad::read_discard_file), Reader(dyad::read_tabari_verb_file),
                        Reader(dyad::read_tabari_actor_file), Reader(dyad::read_tabari_agent_file),
                        Reader(dyad::read_tabari_discard_file)}) {
    dyad::Lexicon l;
    (void)reader(path, l, {});
    (void)dyad::lint_lexicon(l);
  }
  (void)dyad::read_tabari_options(path);
  if (dyad::looks_like_tabari_suite(input)) (void)dyad::read_tabari_suite(path, input);
  return 0;
}
