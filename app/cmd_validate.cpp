// `dyad validate SUITE`: runs a reference suite and reports pass counts by category and
// the failing records, with expected and actual events. Exit 1 below --min-pass.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "dyad/validation.h"

namespace dyad::cli {
namespace {

std::string events_text(const std::vector<ExpectedEvent>& events) {
  if (events.empty()) return "(none)";
  std::string s;
  for (const auto& e : events) {
    if (!s.empty()) s += "  ";
    s += e.source + " " + e.target + " " + e.code;
  }
  return s;
}

struct ValidateOptions {
  std::string suite;
  double min_pass = 0;
  bool quiet = false;
  std::string record;  // only this record, with the coder's trace
};

int run_validate(const ValidateOptions& opt) {
  auto suite = read_suite(opt.suite);
  if (!suite) {
    std::cerr << "dyad validate: " << suite.error().to_string() << '\n';
    return kExitUsage;
  }
  auto report = run_suite(*suite);
  if (!report) {
    std::cerr << "dyad validate: " << report.error().to_string() << '\n';
    return kExitUsage;
  }
  if (!opt.record.empty()) {
    for (const auto& o : report->outcomes) {
      if (o.record->id != opt.record) continue;
      std::cout << o.record->id << " (" << o.record->where << ")\n  text:     " << o.record->text
                << "\n  expected: " << events_text(o.record->expected) << "\n  actual:   " << events_text(o.actual)
                << "\n";
      for (const auto& t : o.trace) std::cout << "  | " << t << "\n";
      if (o.record->parse) {
        for (const auto& t : o.record->parse->tokens) {
          std::cout << "    " << t.form << "\t" << t.upos << "\t" << t.head << "\t" << t.deprel << "\n";
        }
      }
    }
    return kExitOk;
  }
  if (!opt.quiet) {
    for (const auto& o : report->outcomes) {
      if (!o.counted || o.passed) continue;
      std::cout << "FAIL " << o.record->id << " (" << o.record->where << ")\n"
                << "  text:     " << o.record->text << "\n"
                << "  expected: " << events_text(o.record->expected) << "\n"
                << "  actual:   " << events_text(o.actual) << "\n";
    }
    for (const auto& o : report->outcomes) {
      if (!o.counted && o.excluded_why == "no parse dyad can read") {
        std::cout << "EXCLUDED " << o.record->id << ": " << o.excluded_why << "\n";
      }
    }
  }
  std::cout << "\ncategory      passed / counted\n";
  for (const auto& [cat, n] : report->by_category) {
    std::printf("%-12s %6d / %d\n", cat.c_str(), n.first, n.second);
  }
  int excluded = 0;
  for (const auto& o : report->outcomes) excluded += !o.counted;
  std::printf("%-12s %6d / %d  (%.1f%%)  excluded %d\n", "TOTAL", report->passed, report->counted,
              100.0 * report->pass_rate(), excluded);
  std::fflush(stdout);
  if (report->pass_rate() * 100.0 + 1e-9 < opt.min_pass) {
    std::cerr << "dyad validate: pass rate " << 100.0 * report->pass_rate() << "% is below --min-pass "
              << opt.min_pass << "%\n";
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace

void add_validate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate", "Run a reference validation suite (PETRARCH / UniversalPetrarch XML)");
  auto opt = std::make_shared<ValidateOptions>();
  cmd->add_option("suite", opt->suite, "Suite file")->required();
  cmd->add_option("--min-pass", opt->min_pass, "Exit 1 when the pass rate (percent) is below this");
  cmd->add_flag("--quiet", opt->quiet, "Print only the summary");
  cmd->add_option("--record", opt->record, "Show one record with the coder's trace and its parse");
  cmd->callback([opt] { exit_code() = run_validate(*opt); });
}

}  // namespace dyad::cli
