// `dyad train`: rebuilds the tokenizer, tagger, lemmatiser and parser models from a UD
// treebank (default ../shared/data/ud/en_ewt) into a models directory (default the
// English models directory), then prints their scores on the dev split.
#include <iostream>

#include "commands.h"
#include "dyad/nlp.h"

namespace dyad::cli {

void add_train_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("train", "Train the tokenizer, tagger, lemmatiser and parser on a UD treebank");
  auto options = std::make_shared<NlpTrainOptions>();
  options->treebank_dir = default_treebank_dir();
  cmd->add_option("--treebank", options->treebank_dir,
                  "Directory holding <name>-ud-{train,dev,test}.conllu")
      ->capture_default_str();
  cmd->add_option("-o,--out", options->out_dir, "Models directory to write (default: the English models directory)");
  cmd->add_option("--threads", options->threads, "Threads for the jackknife folds")->capture_default_str()->check(CLI::Range(1, 64));
  cmd->add_option("--folds", options->folds, "Jackknife folds for the parser's training tags (0: gold tags)")
      ->capture_default_str()
      ->check(CLI::Range(0, 50));
  cmd->add_option("--tagger-epochs", options->tagger_epochs)->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_option("--parser-epochs", options->parser_epochs)->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_option("--label-epochs", options->label_epochs)->capture_default_str()->check(CLI::Range(1, 100));
  cmd->add_option("--hash-bits", options->hash_bits, "log2 of the parser's feature table rows")
      ->capture_default_str()
      ->check(CLI::Range(12, 26));
  cmd->add_option("--parser-members", options->parser_members, "Parsers that vote on arcs")
      ->capture_default_str()
      ->check(CLI::Range(1, 8));
  cmd->add_option("--parser-beam", options->parser_beam,
                  "Beam width of the parser members (1: greedy; above: trained globally over the beam)")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  cmd->add_option("--tags-cache", options->tags_cache,
                  "CoNLL-U file of the parser's jackknifed training tags: read if present, else written");
  cmd->add_flag("--parser-only", options->parser_only,
                "Retrain only the parser, keeping the segmenter, tagger and lemmatiser in the output directory");
  cmd->add_flag("!--no-neural", options->neural_parser, "Do not train the accurate (neural) parser");
  cmd->add_flag("--neural-only", options->neural_only,
                "Retrain only the accurate parser, keeping the other models in the output directory");
  cmd->add_option("--neural-epochs", options->neural_epochs)->capture_default_str()->check(CLI::Range(1, 200));
  cmd->add_option("--neural-hidden", options->neural_hidden, "LSTM units per direction of the accurate parser")
      ->capture_default_str()
      ->check(CLI::Range(8, 1024));
  cmd->add_flag("--test", options->evaluate_test, "Also score on the test split (for reported figures only)");
  cmd->callback([options] {
    NlpTrainOptions o = *options;
    if (o.out_dir.empty()) o.out_dir = default_nlp_models_dir();
    o.progress = [](std::string_view s) { std::cerr << "dyad train: " << s << '\n'; };
    auto report = train_nlp_models(o);
    if (!report.ok()) {
      std::cerr << "dyad train: " << report.error().to_string() << '\n';
      exit_code() = kExitUsage;
      return;
    }
    std::cout << report.value().text;
    exit_code() = kExitOk;
  });
}

}  // namespace dyad::cli
