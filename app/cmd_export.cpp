// `dyad export`: the store's deduplicated events in the field's formats: the GDELT 2.0 event
// table (61 tab-separated columns), PLOVER JSON, dyad's JSON Lines (the representative
// mention's record with the event's counts) and flat CSV. Filters as in the store's queries.
#include <iostream>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "dyad/event_io.h"
#include "dyad/export.h"
#include "store_pipeline.h"

namespace dyad::cli {
namespace {

struct ExportOptions {
  std::string db = "dyad.db";
  std::string format = "jsonl";
  std::string from, to, actor, code;
  std::size_t limit = 0;
  bool header = true;
};

// The mentions of the document last read: a document's events come together, so one read
// serves them all.
struct MentionCache {
  std::string document_id;
  std::vector<StoredMention> mentions;
};

// The Event the export formats take: the stored event with its representative mention.
Result<Event> full_event(Store& store, const StoredEvent& stored, MentionCache& cache) {
  const std::string& rep = stored.representative_mention;
  const auto dash = rep.rfind('-');
  if (dash == std::string::npos) return make_error(ErrorCode::kParse, "bad mention id " + rep, stored.id);
  if (cache.document_id != rep.substr(0, dash)) {
    auto mentions = store.mentions(rep.substr(0, dash));
    if (!mentions) return mentions.error();
    cache = MentionCache{rep.substr(0, dash), std::move(*mentions)};
  }
  Event e;
  e.id = stored.id;
  for (const auto& m : cache.mentions) {
    if (m.id == rep) e.summary = m.mention;
    if (m.event_id == stored.id) e.mention_ids.push_back(m.id);
  }
  if (e.summary.code.empty()) return make_error(ErrorCode::kNotFound, "representative mention " + rep + " is gone", stored.id);
  e.summary.event_date = stored.date;
  e.num_mentions = stored.num_mentions;
  e.num_sources = stored.num_sources;
  e.first_seen = stored.first_seen;
  e.last_seen = stored.last_seen;
  return e;
}

std::string jsonl_row(const Event& e) {
  auto j = nlohmann::json::parse(mention_to_json(e.summary));
  j["event_id"] = e.id;
  j["num_mentions"] = e.num_mentions;
  j["num_sources"] = e.num_sources;
  j["first_seen"] = e.first_seen.to_string();
  j["last_seen"] = e.last_seen.to_string();
  return j.dump();
}

int run_export(const ExportOptions& opt) {
  std::string (*row)(const Event&) = nullptr;
  if (opt.format == "gdelt") {
    row = gdelt_event_row;
  } else if (opt.format == "plover") {
    row = plover_json;
  } else if (opt.format == "jsonl") {
    row = jsonl_row;
  } else if (opt.format == "csv") {
    row = csv_row;
  } else {
    throw CLI::ValidationError("--format", "gdelt, plover, jsonl or csv");
  }
  EventFilter filter;
  filter.from = optional_date("--from", opt.from);
  filter.to = optional_date("--to", opt.to);
  filter.actor = opt.actor;
  filter.code = opt.code;
  filter.limit = opt.limit;
  auto store = open_store_or_report("export", opt.db);
  if (!store) return kExitUsage;
  auto events = store->events(filter);
  if (!events) {
    std::cerr << "dyad export: " << events.error().to_string() << '\n';
    return kExitUsage;
  }
  if (opt.format == "csv" && opt.header) std::cout << csv_header() << '\n';
  std::size_t written = 0, failed = 0;
  MentionCache cache;
  for (const StoredEvent& stored : *events) {
    auto e = full_event(*store, stored, cache);
    if (!e) {
      std::cerr << "dyad export: skipped: " << e.error().to_string() << '\n';
      ++failed;
      continue;
    }
    std::cout << row(*e) << '\n';
    ++written;
  }
  std::cerr << "dyad export: " << written << " events as " << opt.format << '\n';
  return failed > 0 ? kExitUsage : kExitOk;
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Write the stored events as GDELT 2.0 rows, PLOVER JSON, JSON Lines or CSV");
  auto opt = std::make_shared<ExportOptions>();
  cmd->add_option("--db", opt->db, "SQLite file (or sqlite:PATH) or postgres://... URL")->capture_default_str();
  cmd->add_option("--format", opt->format, "gdelt, plover, jsonl or csv")->capture_default_str();
  cmd->add_option("--from", opt->from, "First event day (YYYY-MM-DD)");
  cmd->add_option("--to", opt->to, "Last event day (YYYY-MM-DD)");
  cmd->add_option("--actor", opt->actor, "Either side: a country (USA) or an actor code (USAGOV)");
  cmd->add_option("--code", opt->code, "An event code or a root prefix (19, 195)");
  cmd->add_option("--limit", opt->limit, "At most this many events (0: all)")->capture_default_str();
  cmd->add_flag("!--no-header", opt->header, "CSV without its header line");
  cmd->callback([opt] { exit_code() = run_export(*opt); });
}

}  // namespace dyad::cli
