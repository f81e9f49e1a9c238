// `dyad top actors|dyads|places`: what the stored events are most about in a period.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "store_pipeline.h"

namespace dyad::cli {
namespace {

struct TopOptions {
  std::string kind;
  std::string db = "dyad.db";
  std::string from, to;
  std::size_t limit = 20;
};

int run_top(const TopOptions& opt) {
  TopKind kind = TopKind::kActors;
  if (opt.kind == "dyads") {
    kind = TopKind::kDyads;
  } else if (opt.kind == "places") {
    kind = TopKind::kPlaces;
  } else if (opt.kind != "actors") {
    throw CLI::ValidationError("kind", "actors, dyads or places");
  }
  const auto from = optional_date("--from", opt.from);
  const auto to = optional_date("--to", opt.to);
  auto store = open_store_or_report("top", opt.db);
  if (!store) return kExitUsage;
  auto top = store->top(kind, from, to, opt.limit);
  if (!top) {
    std::cerr << "dyad top: " << top.error().to_string() << '\n';
    return kExitUsage;
  }
  std::printf("%-4s %-16s %8s %10s %7s\n", "rank", opt.kind.substr(0, opt.kind.size() - 1).c_str(), "events",
              "goldstein", "mean");
  int rank = 0;
  for (const auto& e : *top) {
    std::printf("%-4d %-16s %8d %10.1f %7.2f\n", ++rank, e.key.c_str(), e.events, e.goldstein_sum,
                e.events ? e.goldstein_sum / e.events : 0.0);
  }
  return kExitOk;
}

}  // namespace

void add_top_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("top", "The actors, dyads or places with most stored events");
  auto opt = std::make_shared<TopOptions>();
  cmd->add_option("kind", opt->kind, "actors, dyads or places")->required();
  cmd->add_option("--db", opt->db, "SQLite file (or sqlite:PATH) or postgres://... URL")->capture_default_str();
  cmd->add_option("--from", opt->from, "First day (YYYY-MM-DD)");
  cmd->add_option("--to", opt->to, "Last day (YYYY-MM-DD)");
  cmd->add_option("--limit", opt->limit, "How many to list")->capture_default_str();
  cmd->callback([opt] { exit_code() = run_top(*opt); });
}

}  // namespace dyad::cli
