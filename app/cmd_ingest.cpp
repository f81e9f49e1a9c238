// `dyad ingest PATH... [--db FILE|postgres://...]`: the main job. Documents are read,
// parsed and coded in parallel and written to the store a batch (one transaction) at a
// time; coding the next batch overlaps writing the last one. A document already stored
// with the same coding versions is not coded again, so a re-run after a crash only does
// what is left.
#include <future>
#include <iostream>

#include "commands.h"
#include "dyad/parallel.h"
#include "inputs.h"
#include "store_pipeline.h"

namespace dyad::cli {
namespace {

struct IngestOptions {
  InputOptions input;
  DictionaryOptions dictionaries;
  std::string db = "dyad.db";
  std::string goldstein = "gdelt";
  unsigned threads = 1;
  std::size_t batch = 1024;  // bench/bench_store.cpp: a third faster than 256 in date order
};

struct Totals {
  std::size_t failed = 0;
  WriteReport written;
};

void add_to(WriteReport& total, const WriteReport& r) {
  total.added += r.added;
  total.replaced += r.replaced;
  total.unchanged += r.unchanged;
  total.sentences += r.sentences;
  total.mentions += r.mentions;
  total.events += r.events;
}

// Counts the documents first (reading is fast next to parsing) so the bar can show an ETA.
// Standard input cannot be read twice: no ETA then.
std::size_t count_documents(const InputOptions& input) {
  for (const auto& p : input.paths) {
    if (p == "-") return 0;
  }
  ReadOptions read;
  read.format = parse_input_format(input.format).value_or(InputFormat::kAuto);
  std::size_t n = 0;
  for (const auto& p : input.paths) {
    (void)read_path(p, read, [&](const Result<Document>&) { ++n; });
  }
  return n;
}

int run_ingest(const IngestOptions& opt) {
  auto coder = load_coder_or_report("ingest", opt.dictionaries, opt.goldstein);
  if (!coder) return kExitUsage;
  auto writer = open_store_or_report("ingest", opt.db);
  if (!writer) return kExitUsage;
  // A second connection answers "already stored?" while the writer commits a batch.
  auto lookup = open_store_or_report("ingest", opt.db);
  if (!lookup) return kExitUsage;
  const StoreCoder& c = *coder;
  Progress progress("ingest", isatty_stderr() ? count_documents(opt.input) : 0);
  Totals totals;
  std::future<Result<WriteReport>> pending;
  std::string store_error;
  auto wait_for_write = [&] {
    if (!pending.valid()) return;
    auto r = pending.get();
    if (r) {
      add_to(totals.written, *r);
    } else if (store_error.empty()) {
      store_error = r.error().to_string();
    }
  };

  std::vector<Document> batch;
  auto flush = [&] {
    if (batch.empty() || !store_error.empty()) return;
    std::vector<Document> todo;
    for (auto& d : batch) {
      auto stored = lookup->coded_with(d.id);
      if (stored && *stored && same_versions(**stored, c.versions())) {
        ++totals.written.unchanged;
        progress.add(1, 0, 0);
      } else {
        todo.push_back(std::move(d));
      }
    }
    batch.clear();
    std::vector<Result<CodedDocument>> coded(todo.size(), make_error(ErrorCode::kInternal, "not coded"));
    parallel_for(todo.size(), opt.threads, [&](std::size_t i) { coded[i] = c.code(std::move(todo[i])); });
    auto good = std::make_shared<std::vector<CodedDocument>>();
    std::size_t sentences = 0, mentions = 0;
    for (auto& r : coded) {
      if (!r) {
        ++totals.failed;
        progress.finish();
        std::cerr << "dyad: " << r.error().to_string() << '\n';
        continue;
      }
      sentences += r->sentences.size();
      mentions += r->mentions.size();
      good->push_back(std::move(r).value());
    }
    wait_for_write();
    progress.add(coded.size(), sentences, mentions);
    Store* store = writer.get();
    pending = std::async(std::launch::async, [store, good] { return store->write(*good); });
  };

  const InputTally tally = for_each_document(opt.input, [&](Document&& d) {
    batch.push_back(std::move(d));
    if (batch.size() >= opt.batch) flush();
  });
  flush();
  wait_for_write();
  progress.finish();
  if (!store_error.empty()) {
    std::cerr << "dyad ingest: stopped: " << store_error << '\n';
    return kExitUsage;
  }
  const auto counts = writer->counts();
  const WriteReport& w = totals.written;
  std::cerr << "dyad ingest: " << tally.documents << " documents in " << progress.seconds() << " s: " << w.added
            << " added, " << w.replaced << " replaced, " << w.unchanged << " unchanged, "
            << tally.errors + totals.failed << " errors; " << w.sentences << " sentences, " << w.mentions
            << " events written\n";
  if (counts) {
    std::cerr << "dyad ingest: " << opt.db << " holds " << counts->documents << " documents, " << counts->mentions
              << " event mentions, " << counts->events << " distinct events\n";
  }
  return tally.errors + totals.failed ? kExitUsage : kExitOk;
}

}  // namespace

void add_ingest_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("ingest", "Code documents into the store (SQLite file or PostgreSQL)");
  auto opt = std::make_shared<IngestOptions>();
  add_input_options(*cmd, opt->input);
  add_dictionary_options(*cmd, opt->dictionaries);
  cmd->add_option("--db", opt->db, "SQLite file (or sqlite:PATH) or postgres://... URL")->capture_default_str();
  cmd->add_option("--goldstein", opt->goldstein, "Goldstein scale: gdelt or icews")->capture_default_str();
  cmd->add_option("--threads", opt->threads, "Worker threads")->capture_default_str();
  cmd->add_option("--batch", opt->batch, "Documents per transaction")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->callback([opt] { exit_code() = run_ingest(*opt); });
}

}  // namespace dyad::cli
