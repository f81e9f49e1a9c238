// How commands choose their dictionaries and load the parser models.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "dyad/lexicon.h"
#include "dyad/result.h"
#include "dyad/sentence.h"

namespace dyad::cli {

struct DictionaryOptions {
  // PETRARCH-family files; when any is given they replace the default set.
  std::vector<std::string> verbs, actors, agents, discards;
  std::vector<std::string> dirs;  // folders of dyad-format dictionaries
  bool strict = false;
};

void add_dictionary_options(CLI::App& cmd, DictionaryOptions& options);

// The dictionaries the options name, or the default set shipped in data/.
Result<std::shared_ptr<const Lexicon>> load_dictionaries(const DictionaryOptions& options);

// Raw text to parsed sentences with dyad's own models.
class Analyzer {
 public:
  virtual ~Analyzer() = default;
  virtual Result<std::vector<Sentence>> analyze(std::string_view text) const = 0;
  virtual std::string version() const = 0;
};

// The analyzer over the default models, or nullptr when no models are installed (then
// only CoNLL-U input, which carries its parses, can be coded).
std::unique_ptr<Analyzer> load_analyzer();

}  // namespace dyad::cli
