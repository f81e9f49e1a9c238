// `dyad eval-parse GOLD SYSTEM`: the CoNLL 2018 shared-task metrics of a system CoNLL-U
// file against a gold one (dyad's own implementation of conll18_ud_eval.py).
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "dyad/conllu.h"
#include "dyad/nlp.h"

namespace dyad::cli {

void add_eval_parse_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("eval-parse", "Score a CoNLL-U file against a gold one (CoNLL 2018 metrics)");
  auto gold_path = std::make_shared<std::string>();
  auto system_path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("GOLD", *gold_path, "Gold CoNLL-U file")->required();
  cmd->add_option("SYSTEM", *system_path, "System CoNLL-U file")->required();
  cmd->add_flag("--json", *json, "Print the scores as JSON");
  cmd->callback([gold_path, system_path, json] {
    auto gold = read_conllu_file(*gold_path);
    if (!gold.ok()) {
      std::cerr << "dyad eval-parse: " << gold.error().to_string() << '\n';
      exit_code() = kExitUsage;
      return;
    }
    auto system = read_conllu_file(*system_path);
    if (!system.ok()) {
      std::cerr << "dyad eval-parse: " << system.error().to_string() << '\n';
      exit_code() = kExitUsage;
      return;
    }
    auto e = score_parse(gold.value(), system.value());
    if (!e.ok()) {
      std::cerr << "dyad eval-parse: " << e.error().to_string() << '\n';
      exit_code() = kExitUsage;
      return;
    }
    if (*json) {
      nlohmann::json j;
      auto put = [&](const char* name, const ParseMetric& m) {
        j[name] = {{"precision", m.precision()}, {"recall", m.recall()}, {"f1", m.f1()},
                   {"aligned_accuracy", m.aligned_accuracy()}, {"gold", m.gold},
                   {"system", m.system}, {"correct", m.correct}};
      };
      const auto& v = e.value();
      put("Tokens", v.tokens);
      put("Sentences", v.sentences);
      put("Words", v.words);
      put("UPOS", v.upos);
      put("XPOS", v.xpos);
      put("UFeats", v.ufeats);
      put("AllTags", v.alltags);
      put("Lemmas", v.lemmas);
      put("UAS", v.uas);
      put("LAS", v.las);
      std::cout << j.dump(2) << '\n';
    } else {
      std::cout << format_parse_scores(e.value());
    }
    exit_code() = kExitOk;
  });
}

}  // namespace dyad::cli
