// The `dyad` subcommands. Each one lives in its own app/cmd_<name>.cpp, adds itself to the
// CLI11 app with add_<name>_command(), and returns its exit code through the callback it
// installs. Exit codes: 0 ok, 1 findings (a failed validation floor), 2 usage or input error.
#pragma once

#include <CLI/CLI.hpp>

namespace dyad::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

// The exit code a subcommand's callback sets; main() returns it.
int& exit_code();

void add_code_command(CLI::App& app);
void add_read_command(CLI::App& app);
void add_validate_command(CLI::App& app);
// Dictionaries: `dyad dict import` and `dyad dict lint` (app/cmd_dict.cpp).
void add_dict_command(CLI::App& app);
// Linguistic layer (src/text, src/nlp): parse, train, eval-parse.
void add_parse_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_eval_parse_command(CLI::App& app);
// The store (include/dyad/store.h): ingest documents into it, re-code what it holds.
void add_ingest_command(CLI::App& app);
void add_recode_command(CLI::App& app);
// Analytics over the store: a dyad's time series, top lists.
void add_dyad_command(CLI::App& app);
void add_top_command(CLI::App& app);
void add_escalation_command(CLI::App& app);
// The stored events in the field's formats (GDELT, PLOVER, JSON Lines, CSV).
void add_export_command(CLI::App& app);

}  // namespace dyad::cli
