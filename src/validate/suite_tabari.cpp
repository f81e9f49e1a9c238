// Reads TABARI's validation suite format (Validate.text): records of
//
//   950103  DEMO-04                      date (YYMMDD), id, maybe a document id
//   Dagolath's first Deputy ...          the sentence, over one or more lines
//   /*\n-----------                      a comment block up to "*/" holding, after "\n",
//   \n{ DAG / GON / 032 } 950103           expected events ("{---}", "{+++}" and "{###}":
//   \n{ OPTION: COMPLEX: VERBS[5] }        none), option changes, and "\n-{...}" lines
//   */                                     that are switched off.
//
// The suite's dictionaries and starting options come from the .project in the same folder
// that names this file as its <textfile>. Records from "FINAL" on are TABARI's own
// debugging records ("require other .options settings, or crash the program") and are
// read but not evaluated.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "dyad/reader.h"
#include "dyad/validation.h"

namespace dyad {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// "950103  DEMO-04  [DOCID]": the date and the id, or nullopt when the line is not a header.
// The suite also has 8-digit dates (its YYYY tests), a few malformed ones, and one header
// with the date twice ("950101  950101  AGENTS-11").
std::optional<std::pair<std::string, std::string>> header(std::string_view line) {
  std::size_t digits = 0;
  while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits < 6 || digits >= line.size() || (line[digits] != ' ' && line[digits] != '\t')) return std::nullopt;
  std::vector<std::string_view> fields;
  std::string_view rest = line.substr(digits);
  while (true) {
    rest = trim(rest);
    if (rest.empty()) break;
    const auto end = rest.find_first_of(" \t");
    fields.push_back(rest.substr(0, end));
    if (end == std::string_view::npos) break;
    rest = rest.substr(end);
  }
  if (fields.empty()) return std::nullopt;
  const std::string_view id = fields.size() > 1 && all_digits(fields[0]) && fields[0] == line.substr(0, digits)
                                  ? fields[1]
                                  : fields[0];
  return std::make_pair(std::string(line.substr(0, digits)), std::string(id));
}

// "DEMO-04" -> "DEMO", "FBIS-001-001" -> "FBIS", "MISC01" -> "MISC".
std::string category_of(const std::string& id) {
  const auto dash = id.find('-');
  if (dash != std::string::npos && dash > 0) return id.substr(0, dash);
  std::string c = id;
  while (!c.empty() && std::isdigit(static_cast<unsigned char>(c.back()))) c.pop_back();
  return c.empty() ? id : c;
}

void add_tabari_option(const TabariOption& o, std::map<std::string, std::string>& options);

}  // namespace

bool looks_like_tabari_suite(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    const std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    return header(line).has_value();
  }
  return false;
}

namespace {

void add_tabari_option(const TabariOption& o, std::map<std::string, std::string>& options) {
  // Kept verbatim under "tabari.<command>" (SET commands by the setting they change), and
  // translated where the coder has the same knob: COMPLEX's VERBS[n] is its verb cap.
  if (o.command == "LABEL") return;  // names of codes, for TABARI's own output
  std::string key = "tabari." + lower(o.command);
  std::string value = o.value;
  if (o.command == "SET") {
    const auto eq = o.value.find('=');
    key += "." + lower(trim(std::string_view(o.value).substr(0, eq)));
    value = eq == std::string::npos ? "TRUE" : std::string(trim(std::string_view(o.value).substr(eq + 1)));
  }
  options[key] = value;
  if (o.command == "COMPLEX") {
    const auto v = o.value.find("VERBS[");
    if (v != std::string::npos) {
      const int n = std::atoi(o.value.c_str() + v + 6);
      if (n > 0) options["max_verbs"] = std::to_string(n);
    }
  }
}

}  // namespace

Result<Suite> read_tabari_suite(const std::string& path, const std::string& raw) {
  namespace fs = std::filesystem;
  Suite suite;
  suite.path = path;
  suite.format = "tabari";

  // The .project beside the text that names it gives the dictionaries and the options.
  std::map<std::string, std::string> start_options;
  std::error_code ec;
  const fs::path dir = fs::path(path).parent_path().empty() ? fs::path(".") : fs::path(path).parent_path();
  std::vector<std::string> projects;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".project") projects.push_back(it->path().string());
  }
  std::sort(projects.begin(), projects.end());
  for (const auto& p : projects) {
    auto project = read_tabari_project(p);
    if (!project || fs::path(project->text).filename() != fs::path(path).filename()) continue;
    suite.tabari_project = p;
    suite.dictionaries.verbs = project->verbs;
    suite.dictionaries.actors = project->actors;
    suite.dictionaries.agents = project->agents;
    suite.dictionaries.discards = project->discards;
    if (!project->options.empty()) {
      auto options = read_tabari_options(project->options);
      if (!options) return options.error();
      for (const auto& o : *options) add_tabari_option(o, start_options);
    }
    break;
  }

  std::vector<std::string_view> lines;
  for (std::size_t pos = 0; pos <= raw.size();) {
    const auto nl = raw.find('\n', pos);
    std::string_view l = std::string_view(raw).substr(pos, (nl == std::string::npos ? raw.size() : nl) - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }

  bool final_seen = false;
  std::size_t i = 0;
  while (i < lines.size()) {
    const auto h = header(lines[i]);
    if (!h) {
      ++i;
      continue;
    }
    SuiteRecord r;
    r.where = path + ":" + std::to_string(i + 1);
    r.id = h->second;
    r.category = category_of(r.id);
    if (auto d = parse_dictionary_date(h->first)) r.date = *d;
    if (r.id.rfind("FINAL", 0) == 0) final_seen = true;
    r.evaluate = !final_seen;
    if (suite.records.empty()) r.options = start_options;
    ++i;

    // The sentence: up to "/*" or a blank line.
    std::string text;
    std::string comment;
    bool in_comment = false;
    for (; i < lines.size(); ++i) {
      std::string_view l = lines[i];
      if (!in_comment) {
        if (trim(l).empty() || header(l)) break;
        const auto open = l.find("/*");
        text += " " + std::string(l.substr(0, open));
        if (open == std::string_view::npos) continue;
        in_comment = true;
        l = l.substr(open + 2);
      }
      // A comment left open (a few records end with "/*" instead of "*/") ends where the
      // next record starts: a header line after a blank line.
      if (header(l) && i > 0 && trim(lines[i - 1]).empty()) break;
      const auto close = l.find("*/");
      comment += std::string(l.substr(0, close)) + "\n";
      if (close != std::string_view::npos) {
        ++i;
        break;
      }
    }
    std::string squeezed;
    for (char c : text) {
      if ((c == ' ' || c == '\t') && (squeezed.empty() || squeezed.back() == ' ')) continue;
      squeezed += c == '\t' ? ' ' : c;
    }
    r.text = std::string(trim(squeezed));

    // Expectations and options: "\n{...}" in the comment; "\n-{...}" is switched off.
    for (std::size_t at = comment.find("\\n"); at != std::string::npos; at = comment.find("\\n", at + 2)) {
      std::size_t p = at + 2;
      while (p < comment.size() && (comment[p] == ' ' || comment[p] == '\t')) ++p;
      if (p >= comment.size() || comment[p] != '{') continue;
      const auto line_end = comment.find('\n', p);
      auto close = comment.find('}', p);
      if (close == std::string::npos || close > line_end) close = line_end;  // "{ OPTION: ...  */"
      const std::string_view body = trim(std::string_view(comment).substr(p + 1, close - p - 1));
      if (body.rfind("OPTION:", 0) == 0) {
        if (auto o = parse_tabari_option(body.substr(7))) add_tabari_option(*o, r.options);
        continue;
      }
      if (body == "---" || body == "+++" || body == "###" || body.empty()) continue;  // no events
      std::vector<std::string> parts;
      std::size_t s = 0;
      while (true) {
        const auto slash = body.find('/', s);
        parts.emplace_back(trim(body.substr(s, slash == std::string_view::npos ? std::string_view::npos : slash - s)));
        if (slash == std::string_view::npos) break;
        s = slash + 1;
      }
      if (parts.size() == 3) r.expected.push_back(ExpectedEvent{parts[0], parts[1], parts[2]});
    }
    suite.records.push_back(std::move(r));
  }
  if (suite.records.empty()) return make_error(ErrorCode::kParse, "no TABARI records (\"YYMMDD  ID\" lines)", path);
  return suite;
}

Result<Suite> read_tabari_suite(const std::string& path) {
  auto data = read_file(path);
  if (!data) return data.error();
  return read_tabari_suite(path, *data);
}

}  // namespace dyad
