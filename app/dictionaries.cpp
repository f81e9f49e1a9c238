#include "dictionaries.h"

#include <iostream>

#include "dyad/version.h"

namespace dyad::cli {

void add_dictionary_options(CLI::App& cmd, DictionaryOptions& options) {
  cmd.add_option("--petrarch-verbs", options.verbs, "PETRARCH verb dictionary file(s)");
  cmd.add_option("--petrarch-actors", options.actors, "PETRARCH actor dictionary file(s)");
  cmd.add_option("--petrarch-agents", options.agents, "PETRARCH agent dictionary file(s)");
  cmd.add_option("--petrarch-discards", options.discards, "PETRARCH discard file(s)");
  cmd.add_option("--dictionaries", options.dirs,
                 "Folder(s) of dyad-format dictionaries (default: the shipped set in data/dictionaries)");
  cmd.add_flag("--strict", options.strict, "Stop at the first broken dictionary line");
  cmd.add_flag("--accurate", options.accurate_parser,
               "Parse raw text with the accurate (neural) parser: better trees, about a fifth of the speed");
}

Result<std::shared_ptr<const Lexicon>> load_dictionaries(const DictionaryOptions& options) {
  LexiconFiles files{options.verbs, options.actors, options.agents, options.discards, {}};
  LoadOptions load;
  load.strict = options.strict;
  const bool petrarch = !files.verbs.empty() || !files.actors.empty() || !files.agents.empty() ||
                        !files.discards.empty();
  Result<std::shared_ptr<const Lexicon>> lexicon =
      petrarch ? load_petrarch_lexicon(files, load)
               : options.dirs.empty() ? load_default_lexicon(load) : load_lexicon_dirs(options.dirs, load);
  if (lexicon) {
    for (const auto& issue : (*lexicon)->issues) {
      std::cerr << "dyad: " << issue.where << ": " << issue.message << " (line skipped)\n";
    }
  }
  return lexicon;
}

std::optional<Analyzer> load_analyzer(std::string& why, bool accurate_parser) {
  AnalyzerOptions options;
  options.accurate_parser = accurate_parser;
  auto analyzer = Analyzer::load(default_nlp_models_dir(), options);
  if (!analyzer) {
    why = analyzer.error().to_string();
    return std::nullopt;
  }
  return std::move(analyzer).value();
}

std::string models_version(bool accurate_parser) {
  return std::string(accurate_parser ? "en_ewt-accurate-" : "en_ewt-") + kVersion;
}

}  // namespace dyad::cli
