// `dyad read`: reads documents as every other command does and prints them as JSON Lines.
// It shows what the readers made of an input (ids, dates, datelines) before coding it.
#include <iostream>

#include "commands.h"
#include "dyad/event_io.h"
#include "inputs.h"

namespace dyad::cli {

void add_read_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("read", "Read documents and print them as JSON Lines");
  auto options = std::make_shared<InputOptions>();
  add_input_options(*cmd, *options);
  cmd->callback([options] {
    const InputTally tally = for_each_document(*options, [](Document&& d) {
      std::cout << document_to_json(d) << '\n';
    });
    std::cerr << "dyad read: " << tally.documents << " documents, " << tally.errors
              << " errors\n";
    exit_code() = tally.errors ? kExitUsage : kExitOk;
  });
}

}  // namespace dyad::cli
