// `dyad validate SUITE`: runs a reference suite and reports pass counts by category and
// the failing records, with expected and actual events. Exit 1 below --min-pass.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "dictionaries.h"
#include "dyad/golden.h"
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
  bool accurate_parser = false;
};

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void print_prf(const char* label, const Prf& p) {
  std::printf("%-26s P %.3f  R %.3f  F1 %.3f   (%d correct, %d coded, %d expected)\n", label, p.precision(),
              p.recall(), p.f1(), p.true_positives, p.predicted, p.expected);
}

// Our labelled sentences (tests/golden): precision, recall and F1, with the shipped
// dictionaries and models.
int run_golden(const ValidateOptions& opt) {
  auto sentences = read_golden(opt.suite);
  if (!sentences) {
    std::cerr << "dyad validate: " << sentences.error().to_string() << '\n';
    return kExitUsage;
  }
  auto lexicon = load_dictionaries(DictionaryOptions{});
  if (!lexicon) {
    std::cerr << "dyad validate: " << lexicon.error().to_string() << '\n';
    return kExitUsage;
  }
  std::string why;
  const auto analyzer = load_analyzer(why, opt.accurate_parser);
  if (!analyzer) {
    std::cerr << "dyad validate: the golden sentences are raw text and need the parser models: " << why << '\n';
    return kExitUsage;
  }
  const Coder coder(*lexicon);
  auto score = score_golden(*sentences, coder, [&](const std::string& text) { return analyzer->analyze(text); });
  if (!score) {
    std::cerr << "dyad validate: " << score.error().to_string() << '\n';
    return kExitUsage;
  }
  if (!opt.quiet) {
    for (const auto& miss : score->misses) {
      std::cout << "MISS " << miss.sentence->id << " (" << miss.sentence->where << ")\n  text:     "
                << miss.sentence->text << "\n  expected: " << events_text(miss.sentence->events)
                << "\n  actual:   " << events_text(miss.actual) << "\n";
    }
  }
  std::printf("\n");
  print_prf("(source, target, code)", score->code);
  print_prf("(source, target, root)", score->root);
  std::printf("\nby root (source, target, root)\n");
  for (const auto& [root, p] : score->by_root) print_prf(("  root " + root).c_str(), p);
  std::printf("\nprecision by confidence band\n");
  for (const auto& [band, p] : score->by_confidence) {
    std::printf("  %-10s P %.3f  (%d of %d)\n", band.c_str(), p.precision(), p.true_positives, p.predicted);
  }
  std::fflush(stdout);
  if (score->root.f1() * 100.0 + 1e-9 < opt.min_pass) {
    std::cerr << "dyad validate: F1 on (source, target, root) " << 100.0 * score->root.f1()
              << " is below --min-pass " << opt.min_pass << "\n";
    return kExitFindings;
  }
  return kExitOk;
}

int run_validate(const ValidateOptions& opt) {
  if (ends_with(opt.suite, ".jsonl")) return run_golden(opt);
  auto suite = read_suite(opt.suite);
  if (!suite) {
    std::cerr << "dyad validate: " << suite.error().to_string() << '\n';
    return kExitUsage;
  }
  // Records without a parse (PETRARCH's Penn trees, TABARI's plain text) are parsed by
  // dyad's own models when they are installed.
  std::string why;
  const auto analyzer = load_analyzer(why, opt.accurate_parser);
  SentenceParser parser;
  if (analyzer) {
    parser = [&](const std::string& text) -> std::optional<Sentence> {
      auto sentences = analyzer->analyze(text);
      if (!sentences || sentences->empty()) return std::nullopt;
      // A record is one sentence; if the splitter cuts it, code the first part.
      return std::move(sentences->front());
    };
  }
  TaggedParser tagged_parser;
  if (analyzer) tagged_parser = analyzer_tagged_parser(*analyzer);
  auto report = run_suite(*suite, parser, tagged_parser);
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
      // The parse coded: the record's own, else the one dyad's parser makes of its text.
      std::optional<Sentence> parsed = o.record->parse;
      if (!parsed && o.record->tagged && tagged_parser) parsed = tagged_parser(*o.record->tagged);
      if (!parsed && parser) parsed = parser(o.record->text);
      if (parsed) {
        for (const auto& t : parsed->tokens) {
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
      if (!o.counted && o.excluded_why != "evaluate=\"false\"" && o.excluded_why != "category not in <Include>") {
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
  auto* cmd = app.add_subcommand("validate", "Run a reference suite (UniversalPetrarch / PETRARCH XML, TABARI Validate.text) or our golden sentences (.jsonl)");
  auto opt = std::make_shared<ValidateOptions>();
  cmd->add_option("suite", opt->suite, "Suite file")->required();
  cmd->add_option("--min-pass", opt->min_pass,
                 "Exit 1 below this: the pass rate in percent (suites), or F1 x 100 on (source, target, root) (golden .jsonl)");
  cmd->add_flag("--quiet", opt->quiet, "Print only the summary");
  cmd->add_flag("--accurate", opt->accurate_parser, "Parse with the accurate (neural) parser");
  cmd->add_option("--record", opt->record, "Show one record with the coder's trace and its parse");
  cmd->callback([opt] { exit_code() = run_validate(*opt); });
}

}  // namespace dyad::cli
