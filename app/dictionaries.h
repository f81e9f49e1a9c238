// How commands choose their dictionaries and load the parser models.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "dyad/lexicon.h"
#include "dyad/nlp.h"
#include "dyad/result.h"
#include "dyad/sentence.h"

namespace dyad::cli {

struct DictionaryOptions {
  // PETRARCH-family files; when any is given they replace the default set.
  std::vector<std::string> verbs, actors, agents, discards;
  std::vector<std::string> dirs;  // folders of dyad-format dictionaries
  bool strict = false;
  // Parse raw text with the accurate (neural) parser: better trees, about a fifth of the speed.
  bool accurate_parser = false;
};

void add_dictionary_options(CLI::App& cmd, DictionaryOptions& options);

// The dictionaries the options name, or the default set shipped in data/.
Result<std::shared_ptr<const Lexicon>> load_dictionaries(const DictionaryOptions& options);

// dyad's own parser models (models/en_ewt), or nullopt with the reason in `why` when they
// are not installed (then only CoNLL-U input, which carries its parses, can be coded).
std::optional<Analyzer> load_analyzer(std::string& why, bool accurate_parser = false);

// The models version stamped on what the coder makes from text parsed by those models: a
// store re-codes a document parsed by the other parser.
std::string models_version(bool accurate_parser);

}  // namespace dyad::cli
