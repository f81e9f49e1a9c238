#include "inputs.h"

#include <iostream>

namespace dyad::cli {

void add_input_options(CLI::App& cmd, InputOptions& options) {
  cmd.add_option("paths", options.paths, "Files or folders to read; - for standard input")
      ->required();
  cmd.add_option("--format", options.format, "Input format: auto, text, jsonl, conllu")
      ->capture_default_str();
  cmd.add_option("--date", options.date,
                 "Report date (YYYY-MM-DD) for documents that carry none");
}

InputTally for_each_document(const InputOptions& options,
                             const std::function<void(Document&&)>& on_document) {
  ReadOptions read;
  const auto format = parse_input_format(options.format);
  if (!format) throw CLI::ValidationError("--format", "unknown format: " + options.format);
  read.format = *format;
  if (!options.date.empty()) {
    read.date = parse_date(options.date);
    if (!read.date) throw CLI::ValidationError("--date", "expected YYYY-MM-DD: " + options.date);
  }
  InputTally tally;
  for (const auto& path : options.paths) {
    Status s = read_path(path, read, [&](Result<Document> doc) {
      if (!doc) {
        ++tally.errors;
        std::cerr << "dyad: " << doc.error().to_string() << '\n';
        return;
      }
      ++tally.documents;
      on_document(std::move(doc).value());
    });
    if (!s) {
      ++tally.errors;
      std::cerr << "dyad: " << s.error().to_string() << '\n';
    }
  }
  return tally;
}

}  // namespace dyad::cli
