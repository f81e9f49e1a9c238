// `dyad dyad A B`: the relationship between two actors over time, from the store's
// deduplicated events: per period and direction, counts by QuadClass and CAMEO root and the
// Goldstein sum and mean; optionally per 1,000 documents stored for the period, because
// news volume rises and falls on its own.
#include <cstdio>
#include <iostream>
#include <map>
#include <tuple>

#include "commands.h"
#include "store_pipeline.h"

namespace dyad::cli {
namespace {

struct DyadOptions {
  std::string a, b;
  std::string db = "dyad.db";
  std::string by = "week";
  std::string from, to;
  bool per_1000_docs = false;
};

struct PeriodCounts {
  int events = 0;
  int by_quad_class[5] = {0, 0, 0, 0, 0};
  std::map<std::string, int> by_root;
  double goldstein_sum = 0;
};

int run_dyad(const DyadOptions& opt) {
  const auto period = parse_period(opt.by);
  if (!period) throw CLI::ValidationError("--by", "day, week or month");
  const auto from = optional_date("--from", opt.from);
  const auto to = optional_date("--to", opt.to);
  auto store = open_store_or_report("dyad", opt.db);
  if (!store) return kExitUsage;
  auto days = store->dyad_days(opt.a, opt.b, from, to);
  auto volume = store->documents_per_day(from, to);
  if (!days || !volume) {
    std::cerr << "dyad dyad: " << (days ? volume.error() : days.error()).to_string() << '\n';
    return kExitUsage;
  }
  std::map<std::pair<long, bool>, PeriodCounts> periods;  // (period start, forward)
  for (const auto& d : *days) {
    PeriodCounts& p = periods[{period_start(d.day, *period), d.forward}];
    p.events += d.events;
    if (d.quad_class >= 1 && d.quad_class <= 4) p.by_quad_class[d.quad_class] += d.events;
    p.by_root[d.root] += d.events;
    p.goldstein_sum += d.goldstein_sum;
  }
  std::map<long, int> documents;
  for (const auto& [day, n] : *volume) documents[period_start(day, *period)] += n;

  const std::string forward = opt.a + ">" + opt.b, backward = opt.b + ">" + opt.a;
  std::printf("%-10s  %-15s %6s %7s %6s %6s %6s %6s %10s %6s  %s\n", "period", "direction", "docs",
              opt.per_1000_docs ? "per1k" : "events", "q1", "q2", "q3", "q4", "goldstein", "mean", "roots");
  for (const auto& [key, p] : periods) {
    const int docs = documents.count(key.first) ? documents.at(key.first) : 0;
    // Normalised counts are events per 1,000 documents of the period (0 when none stored).
    const auto scaled = [&](int n) {
      if (!opt.per_1000_docs) return static_cast<double>(n);
      return docs > 0 ? 1000.0 * n / docs : 0.0;
    };
    std::string roots;
    for (const auto& [root, n] : p.by_root) roots += (roots.empty() ? "" : " ") + (root.empty() ? "-" : root) + ":" + std::to_string(n);
    std::printf("%-10s  %-15s %6d %7.*f %6.*f %6.*f %6.*f %6.*f %10.1f %6.2f  %s\n",
                Date::from_days(key.first).to_string().c_str(), (key.second ? forward : backward).c_str(), docs,
                opt.per_1000_docs ? 1 : 0, scaled(p.events), opt.per_1000_docs ? 1 : 0, scaled(p.by_quad_class[1]),
                opt.per_1000_docs ? 1 : 0, scaled(p.by_quad_class[2]), opt.per_1000_docs ? 1 : 0,
                scaled(p.by_quad_class[3]), opt.per_1000_docs ? 1 : 0, scaled(p.by_quad_class[4]), p.goldstein_sum,
                p.events ? p.goldstein_sum / p.events : 0.0, roots.c_str());
  }
  if (periods.empty()) std::cerr << "dyad dyad: no events between " << opt.a << " and " << opt.b << " in " << opt.db << '\n';
  return kExitOk;
}

}  // namespace

void add_dyad_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("dyad", "Time series of the events between two actors, both directions");
  auto opt = std::make_shared<DyadOptions>();
  cmd->add_option("a", opt->a, "First actor: a country (USA) or an actor code (USAGOV)")->required();
  cmd->add_option("b", opt->b, "Second actor")->required();
  cmd->add_option("--db", opt->db, "SQLite file (or sqlite:PATH) or postgres://... URL")->capture_default_str();
  cmd->add_option("--by", opt->by, "Period: day, week (from Monday) or month")->capture_default_str();
  cmd->add_option("--from", opt->from, "First day (YYYY-MM-DD)");
  cmd->add_option("--to", opt->to, "Last day (YYYY-MM-DD)");
  cmd->add_flag("--per-1000-docs", opt->per_1000_docs, "Counts per 1,000 documents stored for the period");
  cmd->callback([opt] { exit_code() = run_dyad(*opt); });
}

}  // namespace dyad::cli
