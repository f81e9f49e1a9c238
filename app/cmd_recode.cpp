// `dyad recode [--db]`: codes the stored documents again after a dictionary or model
// change. A document already coded with the current versions is left alone; any other has
// its sentences and mentions replaced in the same transaction that writes the new ones, so a
// reader (or a crash) sees the old coding or the new one, never a mix.
#include <iostream>

#include "commands.h"
#include "dyad/parallel.h"
#include "store_pipeline.h"

namespace dyad::cli {
namespace {

struct RecodeOptions {
  DictionaryOptions dictionaries;
  std::string db = "dyad.db";
  std::string goldstein = "gdelt";
  unsigned threads = 1;
  std::size_t batch = 256;
};

int run_recode(const RecodeOptions& opt) {
  auto coder = load_coder_or_report("recode", opt.dictionaries, opt.goldstein);
  if (!coder) return kExitUsage;
  auto store = open_store_or_report("recode", opt.db);
  if (!store) return kExitUsage;
  const auto counts = store->counts();
  Progress progress("recode", counts ? static_cast<std::size_t>(counts->documents) : 0);
  std::size_t recoded = 0, current = 0, failed = 0;
  std::string after;
  for (;;) {
    auto ids = store->document_ids(after, opt.batch);
    if (!ids) {
      progress.finish();
      std::cerr << "dyad recode: " << ids.error().to_string() << '\n';
      return kExitUsage;
    }
    if (ids->empty()) break;
    after = ids->back();
    std::vector<Document> todo;
    for (const auto& id : *ids) {
      auto versions = store->coded_with(id);
      if (versions && *versions && same_versions(**versions, coder->versions())) {
        ++current;
        continue;
      }
      auto doc = store->document(id);
      if (!doc) {
        ++failed;
        std::cerr << "dyad recode: " << doc.error().to_string() << '\n';
        continue;
      }
      todo.push_back(std::move(doc).value());
    }
    std::vector<Result<CodedDocument>> coded(todo.size(), make_error(ErrorCode::kInternal, "not coded"));
    parallel_for(todo.size(), opt.threads, [&](std::size_t i) { coded[i] = coder->code(std::move(todo[i])); });
    std::vector<CodedDocument> good;
    std::size_t sentences = 0, mentions = 0;
    for (auto& r : coded) {
      if (!r) {
        ++failed;
        progress.finish();
        std::cerr << "dyad recode: " << r.error().to_string() << '\n';
        continue;
      }
      sentences += r->sentences.size();
      mentions += r->mentions.size();
      good.push_back(std::move(r).value());
    }
    auto written = store->write(good);
    if (!written) {
      progress.finish();
      std::cerr << "dyad recode: stopped: " << written.error().to_string() << '\n';
      return kExitUsage;
    }
    recoded += written->replaced;
    progress.add(ids->size(), sentences, mentions);
  }
  progress.finish();
  std::cerr << "dyad recode: " << recoded << " documents re-coded, " << current << " already current, " << failed
            << " errors\n";
  return failed ? kExitUsage : kExitOk;
}

}  // namespace

void add_recode_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("recode", "Code the stored documents again with the current dictionaries and models");
  auto opt = std::make_shared<RecodeOptions>();
  add_dictionary_options(*cmd, opt->dictionaries);
  cmd->add_option("--db", opt->db, "SQLite file (or sqlite:PATH) or postgres://... URL")->capture_default_str();
  cmd->add_option("--goldstein", opt->goldstein, "Goldstein scale: gdelt or icews")->capture_default_str();
  cmd->add_option("--threads", opt->threads, "Worker threads")->capture_default_str();
  cmd->add_option("--batch", opt->batch, "Documents per transaction")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->callback([opt] { exit_code() = run_recode(*opt); });
}

}  // namespace dyad::cli
