// The `dyad` command: a thin edge over libdyad. Data goes to stdout, progress and
// errors to stderr; see app/commands.h for the exit codes.
#include <exception>
#include <iostream>

#include "commands.h"
#include "dyad/version.h"

namespace dyad::cli {
int& exit_code() {
  static int code = kExitOk;
  return code;
}
}  // namespace dyad::cli

int main(int argc, char** argv) {
  using namespace dyad::cli;
  CLI::App app{"dyad: news text to political event data (CAMEO, PLOVER, ACLED-style)", "dyad"};
  app.set_version_flag("--version", std::string("dyad ") + dyad::kVersion);
  app.require_subcommand(1);

  add_read_command(app);
  add_validate_command(app);
  add_dict_command(app);
  add_code_command(app);
  add_parse_command(app);
  add_train_command(app);
  add_eval_parse_command(app);
  add_ingest_command(app);
  add_recode_command(app);
  add_dyad_command(app);
  add_top_command(app);
  add_escalation_command(app);
  add_export_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "dyad: " << e.what() << '\n';
    return kExitUsage;
  }
  return exit_code();
}
