// `dyad escalation`: where dyads moved towards conflict. Every dyad (a pair of countries,
// both directions together) in the store is run through detect_escalation
// (include/dyad/escalation.h) over its whole history, so the baseline before --since counts;
// the alerts from --since on are listed most severe first.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>

#include "commands.h"
#include "dyad/escalation.h"
#include "store_pipeline.h"

namespace dyad::cli {
namespace {

struct EscalationCommandOptions {
  std::string db = "dyad.db";
  std::string since;
  std::size_t limit = 50;
  int period_days = 7;
};

struct DyadAlert {
  std::string dyad;  // "USA-VEN": the two countries in alphabetical order
  EscalationAlert alert;
};

std::string dyad_key(const StoredEvent& e) {
  return std::min(e.source_country, e.target_country) + "-" + std::max(e.source_country, e.target_country);
}

const char* kind_name(EscalationAlert::Kind k) {
  return k == EscalationAlert::Kind::kChangePoint ? "change" : "ladder";
}

std::string rung_text(const std::optional<LadderRung>& r) { return r ? ladder_rung_name(*r) : "none"; }

// "ev-1(195) ev-2(190)": the driving events with their codes.
std::string driving_text(const EscalationAlert& a, const std::map<std::string, std::string>& codes) {
  std::string out;
  for (const auto& id : a.driving_events) {
    if (!out.empty()) out += ' ';
    const auto it = codes.find(id);
    out += id + "(" + (it == codes.end() ? "?" : it->second) + ")";
  }
  return out;
}

int run_escalation(const EscalationCommandOptions& opt) {
  const auto since = optional_date("--since", opt.since);
  auto store = open_store_or_report("escalation", opt.db);
  if (!store) return kExitUsage;
  auto events = store->events({});
  if (!events) {
    std::cerr << "dyad escalation: " << events.error().to_string() << '\n';
    return kExitUsage;
  }
  std::map<std::string, std::vector<DyadEvent>> by_dyad;
  std::map<std::string, std::string> codes;
  for (const StoredEvent& e : *events) {
    if (e.source_country.empty() || e.target_country.empty() || !e.date.valid()) continue;
    if (e.source_country == e.target_country) continue;  // domestic: not a dyad between states
    by_dyad[dyad_key(e)].push_back(
        DyadEvent{e.id, static_cast<int>(e.date.days()), e.code, e.goldstein, e.num_mentions});
    codes[e.id] = e.code;
  }
  EscalationOptions options;
  options.period_days = opt.period_days;
  std::vector<DyadAlert> alerts;
  for (const auto& [dyad, list] : by_dyad) {
    const auto [lo, hi] = std::minmax_element(list.begin(), list.end(),
                                              [](const DyadEvent& a, const DyadEvent& b) { return a.day < b.day; });
    auto found = detect_escalation(list, lo->day, hi->day, options);
    if (!found) {
      std::cerr << "dyad escalation: " << dyad << ": " << found.error().to_string() << '\n';
      return kExitUsage;
    }
    for (auto& a : *found) {
      if (since && a.day < since->days()) continue;
      alerts.push_back({dyad, std::move(a)});
    }
  }
  std::sort(alerts.begin(), alerts.end(),
            [](const DyadAlert& a, const DyadAlert& b) { return more_severe(a.alert, b.alert); });
  if (alerts.size() > opt.limit) alerts.resize(opt.limit);
  std::printf("%-10s  %-8s  %-6s  %-38s  %-10s  %7s %7s %7s  %s\n", "alert", "dyad", "kind", "rung (before -> now)",
              "began", "before", "after", "size", "driving events");
  for (const auto& [dyad, a] : alerts) {
    const std::string rungs = rung_text(a.from) + " -> " + ladder_rung_name(a.to);
    std::printf("%-10s  %-8s  %-6s  %-38s  %-10s  %7.1f %7.1f %7.1f  %s\n",
                Date::from_days(a.day).to_string().c_str(), dyad.c_str(), kind_name(a.kind), rungs.c_str(),
                Date::from_days(a.change_day).to_string().c_str(), a.before, a.after, a.size,
                driving_text(a, codes).c_str());
  }
  std::cerr << "dyad escalation: " << alerts.size() << " alerts over " << by_dyad.size() << " dyads\n";
  return kExitOk;
}

}  // namespace

void add_escalation_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("escalation", "Change points and ladder crossings in each dyad, most severe first");
  auto opt = std::make_shared<EscalationCommandOptions>();
  cmd->add_option("--db", opt->db, "SQLite file (or sqlite:PATH) or postgres://... URL")->capture_default_str();
  cmd->add_option("--since", opt->since, "List alerts from this day on (YYYY-MM-DD); earlier events are the baseline");
  cmd->add_option("--limit", opt->limit, "At most this many alerts")->capture_default_str();
  cmd->add_option("--period-days", opt->period_days, "Length of a period of the series")
      ->capture_default_str()
      ->check(CLI::Range(1, 92));
  cmd->callback([opt] { exit_code() = run_escalation(*opt); });
}

}  // namespace dyad::cli
