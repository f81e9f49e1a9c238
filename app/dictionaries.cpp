#include "dictionaries.h"

#include <iostream>

namespace dyad::cli {

void add_dictionary_options(CLI::App& cmd, DictionaryOptions& options) {
  cmd.add_option("--petrarch-verbs", options.verbs, "PETRARCH verb dictionary file(s)");
  cmd.add_option("--petrarch-actors", options.actors, "PETRARCH actor dictionary file(s)");
  cmd.add_option("--petrarch-agents", options.agents, "PETRARCH agent dictionary file(s)");
  cmd.add_option("--petrarch-discards", options.discards, "PETRARCH discard file(s)");
  cmd.add_flag("--strict", options.strict, "Stop at the first broken dictionary line");
}

Result<std::shared_ptr<const Lexicon>> load_dictionaries(const DictionaryOptions& options) {
  LexiconFiles files{options.verbs, options.actors, options.agents, options.discards, {}};
  if (files.verbs.empty() && files.actors.empty() && files.agents.empty() && files.discards.empty()) {
    return make_error(ErrorCode::kNotFound,
                      "no dictionaries given: pass --petrarch-verbs/--petrarch-actors/--petrarch-agents");
  }
  LoadOptions load;
  load.strict = options.strict;
  auto lexicon = load_petrarch_lexicon(files, load);
  if (lexicon) {
    for (const auto& issue : (*lexicon)->issues) {
      std::cerr << "dyad: " << issue.where << ": " << issue.message << " (line skipped)\n";
    }
  }
  return lexicon;
}

std::unique_ptr<Analyzer> load_analyzer() { return nullptr; }

}  // namespace dyad::cli
