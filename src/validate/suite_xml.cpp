// Reads the PETRARCH-family validation XML (UniversalPetrarch 2.02 and PETRARCH unit tests).
// The files are not always well-formed XML, so this is a lenient scanner for the few
// elements the suites use rather than an XML parser.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "dyad/conllu.h"
#include "dyad/penn.h"
#include "dyad/reader.h"
#include "dyad/validation.h"

namespace dyad {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Replaces every comment "<!-- ... -->" by spaces (keeping newlines, so line numbers stay
// right). A comment ends at the first "-->", which reads a nested comment leniently.
std::string blank_comments(std::string s) {
  std::size_t pos = 0;
  while ((pos = s.find("<!--", pos)) != std::string::npos) {
    const auto end = s.find("-->", pos + 4);
    const std::size_t stop = end == std::string::npos ? s.size() : end + 3;
    for (std::size_t i = pos; i < stop; ++i) {
      if (s[i] != '\n') s[i] = ' ';
    }
    pos = stop;
  }
  return s;
}

// The value of attribute `name` in a start tag. The suites write attributes as XML allows
// them: spaces around "=" (`noevents = "True"`, `id ="..."`) and single or double quotes
// (`sourcecode='"THE MINISTRY OF MAGIC"'`).
std::string attribute(std::string_view tag, const std::string& name) {
  auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  std::size_t at = 0;
  while ((at = tag.find(name, at)) != std::string_view::npos) {
    std::size_t p = at + name.size();
    const bool starts_name = at > 0 && space(tag[at - 1]);
    while (p < tag.size() && space(tag[p])) ++p;
    if (starts_name && p < tag.size() && tag[p] == '=') {
      ++p;
      while (p < tag.size() && space(tag[p])) ++p;
      if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) {
        const auto end = tag.find(tag[p], p + 1);
        if (end == std::string_view::npos) return {};
        return std::string(tag.substr(p + 1, end - p - 1));
      }
    }
    at += name.size();
  }
  return {};
}

std::string unescape(std::string s) {
  const std::pair<const char*, const char*> kEntities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    std::size_t p = 0;
    const std::string f(from);
    while ((p = s.find(f, p)) != std::string::npos) {
      s.replace(p, f.size(), to);
      p += std::string(to).size();
    }
  }
  return s;
}

// Text between <name> and </name> inside `body`, or nullopt.
std::optional<std::string> element_text(std::string_view body, const std::string& name) {
  const auto open = body.find("<" + name);
  if (open == std::string_view::npos) return std::nullopt;
  const auto gt = body.find('>', open);
  const auto close = body.find("</" + name + ">", gt);
  if (gt == std::string_view::npos || close == std::string_view::npos) return std::nullopt;
  return std::string(body.substr(gt + 1, close - gt - 1));
}

std::size_t line_at(const std::string& s, std::size_t pos) {
  return static_cast<std::size_t>(std::count(s.begin(), s.begin() + static_cast<long>(pos), '\n')) + 1;
}

std::string dir_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

// A UD parse embedded in a record: CoNLL-U lines, maybe indented.
std::optional<Sentence> read_given_parse(const std::string& parse, const std::string& text) {
  std::string conllu = "# text = " + text + "\n";
  std::istringstream in(parse);
  bool any = false;
  for (std::string line; std::getline(in, line);) {
    line = trim(line);
    if (line.empty()) continue;
    if (!std::isdigit(static_cast<unsigned char>(line[0]))) return std::nullopt;  // not CoNLL-U
    conllu += line + "\n";
    any = true;
  }
  if (!any) return std::nullopt;
  auto sentences = read_conllu(conllu);
  if (!sentences || sentences->size() != 1) return std::nullopt;
  return std::move(sentences->front());
}

}  // namespace

Result<Suite> read_xml_suite(const std::string& path, const std::string& raw) {
  const std::string xml = blank_comments(raw);
  Suite suite;
  suite.path = path;
  const std::string dir = dir_of(path);
  if (auto env = element_text(xml, "Environment")) {
    auto file = [&](const char* name, std::vector<std::string>& into) {
      if (auto f = element_text(*env, name); f && !trim(*f).empty()) into.push_back(dir + "/" + trim(*f));
    };
    file("Verbfile", suite.dictionaries.verbs);
    file("Actorfile", suite.dictionaries.actors);
    file("Agentfile", suite.dictionaries.agents);
    file("Discardfile", suite.dictionaries.discards);
    file("PICOfile", suite.dictionaries.pico);
    if (auto inc = element_text(*env, "Include")) {
      std::istringstream ss(*inc);
      for (std::string c; ss >> c;) suite.include.push_back(c);
    }
  } else {
    return make_error(ErrorCode::kParse, "no <Environment> naming the dictionaries", path);
  }
  std::map<std::string, std::string> pending_options;
  std::size_t pos = 0;
  while (true) {
    const auto config = xml.find("<Config", pos);
    const auto sentence = xml.find("<Sentence ", pos);
    if (config != std::string::npos && (sentence == std::string::npos || config < sentence)) {
      const auto end = xml.find('>', config);
      const std::string_view tag(xml.data() + config, end - config);
      pending_options[attribute(tag, "option")] = attribute(tag, "value");
      pos = end;
      continue;
    }
    if (sentence == std::string::npos) break;
    const auto tag_end = xml.find('>', sentence);
    const auto close = xml.find("</Sentence>", tag_end);
    if (tag_end == std::string::npos || close == std::string::npos) {
      return make_error(ErrorCode::kParse, "<Sentence> without </Sentence>",
                        path + ":" + std::to_string(line_at(xml, sentence)));
    }
    const std::string_view tag(xml.data() + sentence, tag_end - sentence);
    const std::string_view body(xml.data() + tag_end + 1, close - tag_end - 1);
    SuiteRecord r;
    r.where = path + ":" + std::to_string(line_at(xml, sentence));
    r.id = attribute(tag, "id");
    r.category = attribute(tag, "category");
    const std::string eval = attribute(tag, "evaluate");
    r.evaluate = eval.empty() || eval == "true" || eval == "True";
    if (auto d = parse_date(attribute(tag, "date"))) r.date = *d;
    r.options = std::move(pending_options);
    pending_options.clear();
    if (auto t = element_text(body, "Text")) {
      std::string text = unescape(*t);
      std::replace(text.begin(), text.end(), '\n', ' ');
      std::string squeezed;
      for (char c : text) {
        if (c == ' ' && (squeezed.empty() || squeezed.back() == ' ')) continue;
        squeezed += c;
      }
      r.text = trim(squeezed);
    }
    std::size_t ev = 0;
    while ((ev = body.find("<EventCoding", ev)) != std::string_view::npos) {
      const auto ev_end = body.find('>', ev);
      const std::string_view etag = body.substr(ev, ev_end - ev);
      if (attribute(etag, "noevents").empty()) {
        r.expected.push_back(ExpectedEvent{attribute(etag, "sourcecode"), attribute(etag, "targetcode"),
                                           attribute(etag, "eventcode")});
      }
      ev = ev_end;
    }
    if (auto p = element_text(body, "Parse")) {
      const std::string given = unescape(*p);
      r.parse = read_given_parse(given, r.text);
      if (r.parse) {
        r.parse->text = r.text;
      } else if (auto tree = penn_to_dependencies(given, r.text)) {
        r.tagged = std::move(tree).value();
      } else if (auto words = read_penn_words(given, r.text)) {
        r.tagged = std::move(words).value();  // our parser builds the tree the record's cannot give
      }
      r.unreadable_parse = !r.parse && !r.tagged;
    }
    suite.format = suite.format.empty() && r.parse ? "universalpetrarch" : suite.format;
    suite.records.push_back(std::move(r));
    pos = close;
  }
  if (suite.format.empty()) suite.format = "petrarch";
  return suite;
}

Result<Suite> read_suite(const std::string& path) {
  auto data = read_file(path);
  if (!data) return data.error();
  if (data->find("<Sentences>") != std::string::npos || data->find("<Sentence ") != std::string::npos) {
    return read_xml_suite(path, *data);
  }
  if (looks_like_tabari_suite(*data)) return read_tabari_suite(path, *data);
  return make_error(ErrorCode::kUnsupported, "not a suite format dyad reads (PETRARCH XML or TABARI Validate.text)", path);
}

}  // namespace dyad
