// `dyad dict import` and `dyad dict lint`: convert the field's dictionaries into dyad's own
// format (docs/dictionaries.md), and check dictionaries for duplicates, patterns that can
// never fire, bad codes and the like. Exit codes: 0 ok (no findings), 1 findings, 2 usage
// or input error.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "commands.h"
#include "dyad/lexicon.h"
#include "dyad/reader.h"

namespace dyad::cli {
namespace {

namespace fs = std::filesystem;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// The [Dictionaries] section of a PETRARCH config file (PETR_config.ini).
Result<LexiconFiles> petrarch_config(const std::string& ini) {
  auto data = read_file(ini);
  if (!data) return data.error();
  const std::string dir = fs::path(ini).parent_path().string();
  LexiconFiles files;
  std::istringstream in(*data);
  bool section = false;
  bool any = false;
  for (std::string line; std::getline(in, line);) {
    line = trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line[0] == '[') {
      section = line == "[Dictionaries]";
      continue;
    }
    const auto eq = line.find('=');
    if (!section || eq == std::string::npos) continue;
    const std::string key = trim(line.substr(0, eq));
    std::vector<std::string> names;
    std::stringstream list(line.substr(eq + 1));
    for (std::string n; std::getline(list, n, ',');) {
      if (!trim(n).empty()) names.push_back((fs::path(dir) / trim(n)).string());
    }
    std::vector<std::string>* into = key == "verbfile_name"      ? &files.verbs
                                     : key == "actorfile_list"   ? &files.actors
                                     : key == "agentfile_name"   ? &files.agents
                                     : key == "discardfile_name" ? &files.discards
                                                                 : nullptr;
    if (!into) continue;  // issuefile_name: issues are not part of the Lexicon
    into->insert(into->end(), names.begin(), names.end());
    any = true;
  }
  if (!any) return make_error(ErrorCode::kParse, "no [Dictionaries] file names", ini);
  return files;
}

enum class Kind { kVerbs, kActors, kAgents, kDiscards, kDyad, kTabariProject, kPetrarchConfig, kUnknown };

// What a dictionary file is, from its name: the field names its files by kind. `as` is the
// kind of ".txt" files whose name does not say ("actors", ...: --as), or empty.
Kind kind_of(const std::string& path, const std::string& as = {}) {
  const std::string name = lower(fs::path(path).filename().string());
  const std::string ext = lower(fs::path(path).extension().string());
  if (ext == ".dyad") return Kind::kDyad;
  if (ext == ".project") return Kind::kTabariProject;
  if (ext == ".ini") return Kind::kPetrarchConfig;
  if (name.find("verbs") != std::string::npos || name.rfind("cameo.", 0) == 0) return Kind::kVerbs;
  if (name.find("actors") != std::string::npos) return Kind::kActors;
  if (name.find("agents") != std::string::npos) return Kind::kAgents;
  if (name.find("discards") != std::string::npos) return Kind::kDiscards;
  if (ext == ".txt") {
    if (as == "verbs") return Kind::kVerbs;
    if (as == "actors") return Kind::kActors;
    if (as == "agents") return Kind::kAgents;
    if (as == "discards") return Kind::kDiscards;
  }
  return Kind::kUnknown;
}

bool tabari_extension(const std::string& path) {
  const std::string ext = lower(fs::path(path).extension().string());
  return ext == ".verbs" || ext == ".actors" || ext == ".agents";
}

struct SourceFile {
  Kind kind;
  std::string path;
  int layer;
};

// Loads the dictionaries at `paths` (files or folders; dyad, PETRARCH or TABARI, told apart
// by name) into one lexicon. Files dyad does not read are listed in `skipped`. Each folder
// is a layer, in the order the paths first name it (a folder given, or the folder of a file
// given), as load_lexicon_dirs() makes them: `dyad dict lint data/dictionaries/default
// data/dictionaries/current` sees the shipped set's corrections as the coder does.
Status load_any(const std::vector<std::string>& paths, const std::string& from, const std::string& as, Lexicon& lex,
                const LoadOptions& options, std::vector<std::string>& skipped, std::vector<std::string>& sources) {
  std::vector<SourceFile> files;
  std::vector<fs::path> folders;
  auto layer_of = [&](const fs::path& folder) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(folder, ec);
    if (ec) key = folder.lexically_normal();
    const auto it = std::find(folders.begin(), folders.end(), key);
    if (it != folders.end()) return static_cast<int>(it - folders.begin());
    folders.push_back(key);
    return static_cast<int>(folders.size() - 1);
  };
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      const int layer = layer_of(p);
      std::vector<std::string> inside;
      for (const auto& e : fs::directory_iterator(p, ec)) {
        if (e.is_regular_file()) inside.push_back(e.path().string());
      }
      std::sort(inside.begin(), inside.end());
      const bool has_dyad = std::any_of(inside.begin(), inside.end(), [](const std::string& f) { return kind_of(f) == Kind::kDyad; });
      const auto ini = std::find_if(inside.begin(), inside.end(), [](const std::string& f) { return kind_of(f) == Kind::kPetrarchConfig; });
      const auto project = std::find_if(inside.begin(), inside.end(), [](const std::string& f) { return kind_of(f) == Kind::kTabariProject; });
      if ((from == "dyad" || from == "auto") && has_dyad) {
        for (const auto& f : inside) {
          if (kind_of(f) == Kind::kDyad) files.push_back({Kind::kDyad, f, layer});
        }
      } else if ((from == "petrarch2" || from == "auto") && ini != inside.end()) {
        files.push_back({Kind::kPetrarchConfig, *ini, layer});
      } else if ((from == "tabari" || from == "auto") && project != inside.end()) {
        files.push_back({Kind::kTabariProject, *project, layer});
      } else {
        for (const auto& f : inside) files.push_back({kind_of(f, as), f, layer});
      }
    } else if (fs::exists(p, ec)) {
      files.push_back({kind_of(p, as), p, layer_of(fs::absolute(p, ec).parent_path())});
    } else {
      return make_error(ErrorCode::kNotFound, "no such file or folder", p);
    }
  }
  // Verbs, then actors, agents and discards, as the PETRARCH loaders order them; each file
  // with its folder's layer.
  using Deferred = std::vector<std::pair<std::string, int>>;
  Deferred petrarch_verbs, petrarch_actors, petrarch_agents, petrarch_discards;
  // Reads with `read` and marks what it added with `layer`.
  auto layered = [&](int layer, auto read) -> Status {
    const LayerStart start = layer_start(lex);
    Status s = read();
    mark_layer(lex, start, layer);
    return s;
  };
  for (const auto& [kind, f, layer] : files) {
    const bool tabari = from == "tabari" || (from == "auto" && tabari_extension(f));
    // Reads the file now (dyad and TABARI files; PETRARCH ones wait for their kind's turn).
    auto read_now = [&, &f = f, layer = layer](auto reader) {
      sources.push_back(f);
      return layered(layer, [&] { return reader(f, lex, options); });
    };
    Status s;
    switch (kind) {
      case Kind::kDyad:
        s = read_now(read_dyad_file);
        break;
      case Kind::kTabariProject: {
        auto loaded = load_tabari_project(f, options);
        if (!loaded) return loaded.error();
        auto project = read_tabari_project(f);
        const Lexicon& t = **loaded;
        if (lex.actors.empty() && lex.verbs.empty() && lex.agents.empty()) {
          s = layered(layer, [&] {
            lex = t;
            return Status{};
          });
        } else {
          return make_error(ErrorCode::kInvalidArgument, "a TABARI project cannot be mixed with other dictionaries", f);
        }
        if (project) {
          for (const auto* list : {&project->verbs, &project->actors, &project->agents, &project->discards}) {
            sources.insert(sources.end(), list->begin(), list->end());
          }
        }
        break;
      }
      case Kind::kPetrarchConfig: {
        auto cfg = petrarch_config(f);
        if (!cfg) return cfg.error();
        for (const auto& [from_list, into] : {std::pair{&cfg->verbs, &petrarch_verbs}, std::pair{&cfg->actors, &petrarch_actors},
                                               std::pair{&cfg->agents, &petrarch_agents},
                                               std::pair{&cfg->discards, &petrarch_discards}}) {
          for (const auto& name : *from_list) into->emplace_back(name, layer);
        }
        break;
      }
      case Kind::kVerbs:
        if (tabari) s = read_now(read_tabari_verb_file);
        else petrarch_verbs.emplace_back(f, layer);
        break;
      case Kind::kActors:
        if (tabari) s = read_now(read_tabari_actor_file);
        else petrarch_actors.emplace_back(f, layer);
        break;
      case Kind::kAgents:
        if (tabari) s = read_now(read_tabari_agent_file);
        else petrarch_agents.emplace_back(f, layer);
        break;
      case Kind::kDiscards:
        if (tabari) s = read_now(read_tabari_discard_file);
        else petrarch_discards.emplace_back(f, layer);
        break;
      case Kind::kUnknown:
        skipped.push_back(f);
        break;
    }
    if (!s) return s;
  }
  auto run = [&](const Deferred& list, auto reader) -> Status {
    for (const auto& [f, layer] : list) {
      if (Status s = layered(layer, [&, &f = f] { return reader(f, lex, options); }); !s) return s;
      sources.push_back(f);
    }
    return {};
  };
  for (Status s : {run(petrarch_verbs, read_verb_file), run(petrarch_actors, read_actor_file),
                   run(petrarch_agents, read_agent_file), run(petrarch_discards, read_discard_file)}) {
    if (!s) return s;
  }
  return {};
}

std::size_t pattern_count(const Lexicon& lex) {
  std::size_t n = 0;
  for (const auto& c : lex.verb_classes) n += c.patterns.size();
  return n;
}

std::string counts(const Lexicon& lex) {
  std::ostringstream s;
  s << lex.actors.size() << " actors (" << lex.actor_phrases.size() << " names), " << lex.agents.size()
    << " agents, " << lex.verb_classes.size() << " verb classes, " << lex.verbs.size() << " verbs, "
    << pattern_count(lex) << " patterns, " << lex.synsets.size() << " synsets, " << lex.discards.size()
    << " discards";
  if (!lex.negations.empty()) s << ", " << lex.negations.size() << " negations";
  return s.str();
}

// The copyright lines of the source folder's LICENSE, for the converted files' header.
std::vector<std::string> copyright_lines(const std::string& license) {
  std::vector<std::string> out;
  auto data = read_file(license);
  if (!data) return out;
  std::istringstream in(*data);
  for (std::string line; std::getline(in, line);) {
    if (trim(line).rfind("Copyright", 0) == 0) out.push_back(trim(line));
  }
  return out;
}

struct ImportOptions {
  std::string from = "petrarch2";
  std::string source;
  std::string out;
  std::string as;
  bool strict = false;
  bool quiet = false;
};

int run_import(const ImportOptions& opt) {
  Lexicon lex;
  std::vector<std::string> skipped, sources;
  if (Status s = load_any({opt.source}, opt.from, opt.as, lex, LoadOptions{opt.strict}, skipped, sources); !s) {
    std::cerr << "dyad dict import: " << s.error().to_string() << '\n';
    return kExitUsage;
  }
  if (!opt.quiet) {
    for (const auto& i : lex.issues) std::cerr << i.where << ": skipped: " << i.message << '\n';
  }
  for (const auto& f : skipped) std::cerr << "dyad dict import: not a dictionary dyad reads, skipped: " << f << '\n';
  if (sources.empty()) {
    std::cerr << "dyad dict import: no dictionaries found in " << opt.source << '\n';
    return kExitUsage;
  }

  std::string header = "Converted by `dyad dict import --from " + opt.from + "` from:\n";
  for (const auto& s : sources) header += "  " + fs::path(s).filename().string() + "\n";
  header += "Do not edit by hand: re-run the import. The format is described in docs/dictionaries.md.";
  const fs::path source_dir = fs::is_directory(opt.source) ? fs::path(opt.source) : fs::path(opt.source).parent_path();
  const fs::path license = source_dir / "LICENSE";
  const auto copyrights = copyright_lines(license.string());
  if (!copyrights.empty()) {
    header += "\n\nThe source dictionaries keep their licence (LICENSE beside this file):";
    for (const auto& c : copyrights) header += "\n  " + c;
  }

  // The folder holds exactly the converted set: stale .dyad files would load with it.
  std::error_code ec;
  if (fs::is_directory(opt.out, ec)) {
    for (const auto& e : fs::directory_iterator(opt.out, ec)) {
      if (e.path().extension() == ".dyad") fs::remove(e.path(), ec);
    }
  }
  auto written = write_dyad_folder(lex, opt.out, header);
  if (!written) {
    std::cerr << "dyad dict import: " << written.error().to_string() << '\n';
    return kExitUsage;
  }
  if (fs::exists(license, ec)) {
    const fs::path copy = fs::path(opt.out) / "LICENSE";
    fs::remove(copy, ec);
    fs::copy_file(license, copy, ec);
    if (!ec) fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read, ec);
    if (ec) std::cerr << "dyad dict import: could not copy " << license.string() << ": " << ec.message() << '\n';
  }
  std::uintmax_t bytes = 0;
  for (const auto& f : *written) {
    const auto size = fs::file_size(f, ec);
    bytes += size;
    std::cout << f << "\t" << size << " bytes\n";
  }
  std::cerr << "dyad dict import: " << counts(lex) << "; " << lex.issues.size() << " lines skipped; "
            << written->size() << " files, " << bytes << " bytes\n";
  return kExitOk;
}

struct LintOptions {
  std::vector<std::string> paths;
  std::string from = "auto";
  std::string as;
  bool summary_only = false;
};

int run_lint(const LintOptions& opt) {
  Lexicon lex;
  std::vector<std::string> skipped, sources;
  if (Status s = load_any(opt.paths, opt.from, opt.as, lex, LoadOptions{}, skipped, sources); !s) {
    std::cerr << "dyad dict lint: " << s.error().to_string() << '\n';
    return kExitUsage;
  }
  for (const auto& f : skipped) std::cerr << "dyad dict lint: not a dictionary dyad reads, skipped: " << f << '\n';
  if (sources.empty()) {
    std::cerr << "dyad dict lint: no dictionaries found\n";
    return kExitUsage;
  }
  const auto findings = lint_lexicon(lex);
  std::map<std::string, std::size_t> by_kind;
  for (const auto& f : findings) {
    ++by_kind[f.kind];
    if (!opt.summary_only) std::cout << f.where << ": " << f.kind << ": " << f.message << '\n';
  }
  std::cout.flush();
  std::cerr << "dyad dict lint: " << counts(lex) << "\n";
  std::cerr << "dyad dict lint: " << findings.size() << " findings";
  for (const auto& [kind, n] : by_kind) std::cerr << (kind == by_kind.begin()->first ? ": " : ", ") << kind << " " << n;
  std::cerr << '\n';
  return findings.empty() ? kExitOk : kExitFindings;
}

}  // namespace

void add_dict_command(CLI::App& app) {
  auto* dict = app.add_subcommand("dict", "Convert and check event-coding dictionaries");
  dict->require_subcommand(1);

  auto* import = dict->add_subcommand("import", "Convert PETRARCH2 or TABARI dictionaries into dyad's format");
  auto iopt = std::make_shared<ImportOptions>();
  import->add_option("--from", iopt->from, "Source format: petrarch2, tabari or dyad")
      ->check(CLI::IsMember({"petrarch2", "tabari", "dyad"}));
  import->add_option("source", iopt->source,
                     "Source: a folder (with PETR_config.ini, a .project, or dictionary files), or a file")
      ->required();
  import->add_option("--out", iopt->out, "Folder to write the .dyad files into (its other .dyad files are removed)")
      ->required();
  import->add_option("--as", iopt->as, "Kind of .txt files whose name does not say: verbs, actors, agents, discards")
      ->check(CLI::IsMember({"verbs", "actors", "agents", "discards"}));
  import->add_flag("--strict", iopt->strict, "Stop at the first broken line");
  import->add_flag("--quiet", iopt->quiet, "Do not list the skipped lines");
  import->callback([iopt] { exit_code() = run_import(*iopt); });

  auto* lint = dict->add_subcommand("lint", "Find duplicates, unreachable patterns, bad codes and other mistakes");
  auto lopt = std::make_shared<LintOptions>();
  lint->add_option("paths", lopt->paths, "Dictionary files or folders (dyad, PETRARCH or TABARI)")->required();
  lint->add_option("--from", lopt->from, "Format: auto (by file name), dyad, petrarch2 or tabari")
      ->check(CLI::IsMember({"auto", "petrarch2", "tabari", "dyad"}));
  lint->add_option("--as", lopt->as, "Kind of .txt files whose name does not say: verbs, actors, agents, discards")
      ->check(CLI::IsMember({"verbs", "actors", "agents", "discards"}));
  lint->add_flag("--summary", lopt->summary_only, "Print only the counts");
  lint->callback([lopt] { exit_code() = run_lint(*lopt); });
}

}  // namespace dyad::cli
