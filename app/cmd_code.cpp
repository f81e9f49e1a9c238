// `dyad code FILE...`: documents in, coded events out (JSON Lines or TSV on stdout).
// Raw text is segmented and parsed by dyad's own models; CoNLL-U input brings its parses.
#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.h"
#include "dictionaries.h"
#include "dyad/coder.h"
#include "dyad/dyad_summary.h"
#include "dyad/event_io.h"
#include "dyad/parallel.h"
#include "dyad/version.h"
#include "inputs.h"

namespace dyad::cli {
namespace {

struct CodeOptions {
  InputOptions input;
  DictionaryOptions dictionaries;
  std::string output = "jsonl";
  std::string goldstein = "gdelt";
  unsigned threads = 1;
  bool explain = false;
  bool summary = false;
  bool keep_flagged = false;
  bool require_target = false;
  std::size_t batch = 256;
};

struct DocumentResult {
  std::vector<Mention> mentions;
  std::vector<std::string> explanations;
  std::string error;
};

DocumentResult code_one(const Coder& coder, const Analyzer* analyzer, const std::string& no_models,
                        const Document& doc, bool explain) {
  DocumentResult r;
  std::vector<Sentence> parsed;
  const std::vector<Sentence>* sentences = &doc.sentences;
  if (doc.sentences.empty() && !doc.text.empty()) {
    if (!analyzer) {
      r.error = doc.origin + ": raw text needs the parser models: " + no_models;
      return r;
    }
    auto a = analyzer->analyze(doc.text);
    if (!a) {
      r.error = a.error().to_string();
      return r;
    }
    parsed = std::move(a).value();
    sentences = &parsed;
  }
  auto codings = coder.code_document(doc, *sentences);
  for (std::size_t i = 0; i < codings.size(); ++i) {
    auto& c = codings[i];
    if (explain && c.mentions.empty()) {
      std::string e = doc.external_id + " #" + std::to_string((*sentences)[i].index) + " " +
                      no_event_reason_name(c.reason) + ": " + (*sentences)[i].text;
      for (const auto& t : c.trace) e += "\n    " + t;
      r.explanations.push_back(std::move(e));
    }
    for (auto& m : c.mentions) r.mentions.push_back(std::move(m));
  }
  return r;
}

void print_summary(const std::vector<Mention>& all) {
  const auto dyads = summarize_dyads(all);
  std::fprintf(stderr, "\n%-9s %9s  %5s %5s %5s %5s  %9s  %-10s %-10s  %s\n", "dyad", "mentions", "q1", "q2",
               "q3", "q4", "goldstein", "first", "last", "most severe");
  for (const auto& d : dyads) {
    std::fprintf(stderr, "%s-%s   %9d  %5d %5d %5d %5d  %9.1f  %-10s %-10s  %s\n", d.source_country.c_str(),
                 d.target_country.c_str(), d.mentions, d.by_quad_class[1], d.by_quad_class[2], d.by_quad_class[3],
                 d.by_quad_class[4], d.goldstein_sum, d.first.to_string().c_str(), d.last.to_string().c_str(),
                 d.most_severe_code.c_str());
  }
}

int run_code(const CodeOptions& opt) {
  if (opt.output != "jsonl" && opt.output != "tsv") throw CLI::ValidationError("--output", "jsonl or tsv");
  if (opt.goldstein != "gdelt" && opt.goldstein != "icews") throw CLI::ValidationError("--goldstein", "gdelt or icews");
  auto lexicon = load_dictionaries(opt.dictionaries);
  if (!lexicon) {
    std::cerr << "dyad code: " << lexicon.error().to_string() << '\n';
    return kExitUsage;
  }
  CoderOptions coder_options;
  coder_options.goldstein = opt.goldstein == "icews" ? GoldsteinScale::kIcews : GoldsteinScale::kGdelt;
  coder_options.keep_flagged = opt.keep_flagged;
  coder_options.require_target = opt.require_target;
  std::string no_models;
  const std::optional<Analyzer> analyzer = load_analyzer(no_models, opt.dictionaries.accurate_parser);
  if (analyzer) coder_options.models_version = models_version(opt.dictionaries.accurate_parser);
  const Coder coder(*lexicon, coder_options);

  if (opt.output == "tsv") std::cout << tsv_header() << '\n';
  std::vector<Document> batch;
  std::vector<Mention> all;  // kept only for --summary
  std::size_t mentions = 0, failed = 0;
  auto flush = [&] {
    std::vector<DocumentResult> results(batch.size());
    parallel_for(batch.size(), opt.threads, [&](std::size_t i) {
      results[i] = code_one(coder, analyzer ? &*analyzer : nullptr, no_models, batch[i], opt.explain);
    });
    for (auto& r : results) {
      if (!r.error.empty()) {
        ++failed;
        std::cerr << "dyad: " << r.error << '\n';
      }
      for (const auto& e : r.explanations) std::cerr << e << '\n';
      for (auto& m : r.mentions) {
        std::cout << (opt.output == "tsv" ? mention_to_tsv(m) : mention_to_json(m)) << '\n';
        ++mentions;
        if (opt.summary) all.push_back(std::move(m));
      }
    }
    batch.clear();
  };
  const InputTally tally = for_each_document(opt.input, [&](Document&& d) {
    batch.push_back(std::move(d));
    if (batch.size() >= opt.batch) flush();
  });
  flush();
  std::cout.flush();
  std::cerr << "dyad code: " << tally.documents << " documents, " << mentions << " events, "
            << tally.errors + failed << " errors\n";
  if (opt.summary) print_summary(all);
  return tally.errors + failed ? kExitUsage : kExitOk;
}

}  // namespace

void add_code_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("code", "Code documents into events (JSON Lines or TSV on stdout)");
  auto opt = std::make_shared<CodeOptions>();
  add_input_options(*cmd, opt->input);
  add_dictionary_options(*cmd, opt->dictionaries);
  cmd->add_option("--output", opt->output, "Output format: jsonl or tsv")->capture_default_str();
  cmd->add_option("--goldstein", opt->goldstein, "Goldstein scale: gdelt or icews")->capture_default_str();
  cmd->add_option("--threads", opt->threads, "Worker threads (output is the same for any number)")
      ->capture_default_str();
  cmd->add_flag("--explain", opt->explain, "Say on stderr why each sentence without an event has none");
  cmd->add_flag("--summary", opt->summary, "Print a per-dyad summary on stderr at the end");
  cmd->add_flag("--keep-flagged", opt->keep_flagged,
                "Also write negated and hypothetical acts, with their context flags set");
  cmd->add_flag("--require-target", opt->require_target, "Drop events without a target actor");
  cmd->callback([opt] { exit_code() = run_code(*opt); });
}

}  // namespace dyad::cli
