// Options every command that reads documents shares (--format, --date), and the loop that
// reads them, reports bad documents on stderr and counts them.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dyad/reader.h"

namespace dyad::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string date;
};

// Adds PATH... (required), --format and --date to `cmd`.
void add_input_options(CLI::App& cmd, InputOptions& options);

struct InputTally {
  std::size_t documents = 0;
  std::size_t errors = 0;
};

// Reads every path, calling `on_document` for each good document and printing each
// problem to stderr as "dyad: where: message". Returns the counts; a usage problem
// (bad --format or --date) is thrown as CLI::ValidationError.
InputTally for_each_document(const InputOptions& options,
                             const std::function<void(Document&&)>& on_document);

}  // namespace dyad::cli
