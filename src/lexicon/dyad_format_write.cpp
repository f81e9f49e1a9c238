// Writer of dyad's dictionary format: a Lexicon back to text that reads into the same
// Lexicon. Output order follows the lexicon's vectors and PhraseIndex::all(), so the same
// lexicon always gives the same bytes.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <system_error>

#include "dyad/lexicon.h"
#include "dyad_format_syntax.h"

namespace dyad {

// Defined here rather than in lexicon.cpp: only the writers and the linter walk an index.
std::vector<const PhraseRef*> PhraseIndex::all() const {
  std::vector<const PhraseRef*> out;
  out.reserve(size_);
  for (const auto* table : {&exact_, &stems_}) {
    std::vector<const std::string*> keys;
    keys.reserve(table->size());
    for (const auto& [k, refs] : *table) keys.push_back(&k);
    std::sort(keys.begin(), keys.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    for (const auto* k : keys) {
      for (const auto& r : table->at(*k)) {
        if (!r.derived) out.push_back(&r);
      }
    }
  }
  return out;
}

namespace {

using dyad_format::WordContext;

std::string phrase_text(const Phrase& p, WordContext context = WordContext::kPhrase) {
  std::string s;
  for (const auto& w : p) {
    if (!s.empty()) s += ' ';
    s += dyad_format::word_text(w, context);
  }
  return s;
}

bool from_file(const std::string& where, const std::string& from) {
  if (from.empty()) return true;
  return where.size() > from.size() && where.compare(0, from.size(), from) == 0 && where[from.size()] == ':';
}

// The names of each entry, in byte order of how they are written. All names of an entry
// point at the same codes, so their order does not change what is coded; a fixed order
// keeps the output independent of how PhraseIndex stores them.
std::vector<std::vector<const Phrase*>> names_by_entry(const PhraseIndex& index, std::size_t entries) {
  std::vector<std::vector<std::pair<std::string, const Phrase*>>> keyed(entries);
  for (const PhraseRef* r : index.all()) {
    if (r->entry < entries) keyed[r->entry].emplace_back(phrase_text(r->phrase), &r->phrase);
  }
  std::vector<std::vector<const Phrase*>> out(entries);
  for (std::size_t e = 0; e < entries; ++e) {
    std::stable_sort(keyed[e].begin(), keyed[e].end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [text, phrase] : keyed[e]) out[e].push_back(phrase);
  }
  return out;
}

// Puts first the name the id derives from (the entry's root name), if there is one.
// Returns true when the id must be written explicitly.
bool order_names(std::vector<const Phrase*>& names, const std::string& id, bool trailing) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (dyad_format::derived_id(*names[i], trailing) == id) {
      std::rotate(names.begin(), names.begin() + static_cast<long>(i), names.begin() + static_cast<long>(i) + 1);
      return false;
    }
  }
  return true;
}

std::string code_bracket(const DatedCode& c) {
  std::string s = "[" + c.code;
  const std::string range = dyad_format::date_range_text(c.from, c.to);
  if (!range.empty()) s += " " + range;
  return s + "]";
}

void write_header(std::string& out, const std::string& header) {
  if (header.empty()) return;
  std::size_t pos = 0;
  while (pos <= header.size()) {
    const auto nl = header.find('\n', pos);
    const std::string line = header.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    out += line.empty() ? "#\n" : "# " + line + "\n";
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  out += '\n';
}

}  // namespace

std::string write_dyad_dictionary(const Lexicon& lex, const DyadWriteOptions& opt) {
  std::string out;
  write_header(out, opt.header);

  if (opt.synsets && !lex.synsets.empty()) {
    std::vector<const std::string*> names;
    for (const auto& [name, members] : lex.synsets) names.push_back(&name);
    std::sort(names.begin(), names.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    for (const auto* name : names) {
      out += "synset " + dyad_format::escape_word(*name, WordContext::kPhrase) + "\n";
      for (const auto& m : lex.synsets.at(*name)) {
        if (m.size() == 1 && m[0].text.size() > 1 && m[0].text[0] == '&' && !m[0].stem) {
          out += "  &" + dyad_format::escape_word(std::string_view(m[0].text).substr(1), WordContext::kPhrase) + "\n";
        } else {
          out += "  " + phrase_text(m) + "\n";
        }
      }
    }
    out += '\n';
  }

  if (opt.verbs) {
    std::vector<std::vector<const VerbEntry*>> verbs(lex.verb_classes.size());
    for (const auto& v : lex.verbs) {
      if (v.verb_class < verbs.size()) verbs[v.verb_class].push_back(&v);
    }
    for (std::size_t c = 0; c < lex.verb_classes.size(); ++c) {
      const VerbClass& cls = lex.verb_classes[c];
      if (!from_file(cls.where, opt.from)) continue;
      out += "class";
      if (!cls.name.empty()) {
        // Words of the name as they are; irregular spacing is kept by escaping it.
        bool plain = cls.name.front() != ' ' && cls.name.back() != ' ' && cls.name.find("  ") == std::string::npos;
        if (plain) {
          std::size_t start = 0;
          while (start <= cls.name.size()) {
            const auto sp = cls.name.find(' ', start);
            out += " " + dyad_format::escape_word(cls.name.substr(start, sp - start), WordContext::kPhrase);
            if (sp == std::string::npos) break;
            start = sp + 1;
          }
        } else {
          out += " " + dyad_format::escape_word(cls.name, WordContext::kPhrase);
        }
      }
      out += " [" + dyad_format::event_code_text(cls.code, cls.paired) + "]\n";
      for (const VerbEntry* v : verbs[c]) {
        out += "  verb";
        for (std::size_t i = 0; i < v->words.size(); ++i) {
          std::string w = dyad_format::escape_word(v->words[i], WordContext::kVerb);
          if (i == v->verb_index && v->stem) w += '*';
          if (i == v->verb_index && v->verb_index != 0) w.insert(0, 1, '+');
          out += " " + w;
        }
        if (!v->forms.empty()) {
          out += " forms:";
          for (const auto& f : v->forms) out += " " + dyad_format::escape_word(f, WordContext::kVerb);
        }
        if (!v->code.empty() || !v->paired.empty()) {
          out += " [" + dyad_format::event_code_text(v->code, v->paired) + "]";
        }
        out += '\n';
      }
      for (const auto& p : cls.patterns) {
        out += "  pattern " + dyad_format::pattern_text(p) + "  [" + dyad_format::event_code_text(p.code, p.paired) + "]\n";
      }
      out += '\n';
    }
  }

  if (opt.actors) {
    auto names = names_by_entry(lex.actor_phrases, lex.actors.size());
    for (std::size_t e = 0; e < lex.actors.size(); ++e) {
      const ActorEntry& a = lex.actors[e];
      if (!from_file(a.where, opt.from)) continue;
      auto& n = names[e];
      const bool explicit_id = order_names(n, a.id, true);
      out += "actor";
      if (!n.empty()) out += " " + phrase_text(*n.front());
      if (a.codes.size() == 1) out += "  " + code_bracket(a.codes.front());
      out += '\n';
      if (explicit_id) out += "  id: " + dyad_format::escape_word(a.id, WordContext::kPhrase) + "\n";
      if (a.codes.size() > 1) {
        for (const auto& c : a.codes) out += "  " + code_bracket(c) + "\n";
      }
      for (std::size_t i = 1; i < n.size(); ++i) out += "  " + phrase_text(*n[i]) + "\n";
    }
    if (!lex.actors.empty()) out += '\n';
  }

  if (opt.agents) {
    auto names = names_by_entry(lex.agent_phrases, lex.agents.size());
    for (std::size_t e = 0; e < lex.agents.size(); ++e) {
      const AgentEntry& a = lex.agents[e];
      if (!from_file(a.where, opt.from)) continue;
      auto& n = names[e];
      if (n.empty()) continue;  // an agent no phrase names cannot be written (nor matched)
      const bool explicit_id = order_names(n, a.id, false);
      out += "agent " + phrase_text(*n.front()) + "  [" + (a.before ? a.code + "~" : "~" + a.code) + "]\n";
      if (explicit_id) out += "  id: " + dyad_format::escape_word(a.id, WordContext::kPhrase) + "\n";
      for (std::size_t i = 1; i < n.size(); ++i) out += "  " + phrase_text(*n[i]) + "\n";
    }
    if (!lex.agents.empty()) out += '\n';
  }

  if (opt.discards) {
    for (const auto& d : lex.discards) {
      if (!from_file(d.where, opt.from)) continue;
      out += (d.whole_story ? "discard-story " : "discard ") + phrase_text(d.phrase) + "\n";
    }
    if (!lex.discards.empty()) out += '\n';
  }

  if (opt.negations && !lex.negations.empty()) {
    std::map<std::string, std::string> sorted(lex.negations.begin(), lex.negations.end());
    for (const auto& [from, to] : sorted) {
      out += "negate " + dyad_format::escape_word(from, WordContext::kPhrase) + " as " +
             dyad_format::escape_word(to, WordContext::kPhrase) + "\n";
    }
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

namespace {

std::string file_of(const std::string& where) {
  const auto colon = where.find_last_of(':');
  return colon == std::string::npos ? where : where.substr(0, colon);
}

// "…/Phoenix.Countries.actors.txt" -> "countries": the parts of the file name that say
// which actors these are.
std::string actor_file_label(const std::string& path) {
  std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  std::string label;
  std::size_t start = 0;
  while (start <= base.size()) {
    const auto dot = base.find('.', start);
    std::string part = base.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    std::string clean;
    for (char c : part) {
      const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      clean += std::isalnum(static_cast<unsigned char>(l)) ? l : '-';
    }
    if (!clean.empty() && clean != "phoenix" && clean != "actors" && clean != "txt" && clean != "dyad") {
      label += (label.empty() ? "" : "-") + clean;
    }
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return label;
}

Status write_text(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  if (!f) return make_error(ErrorCode::kIo, "cannot write", path);
  f << text;
  if (!text.empty() && text.back() != '\n') f << '\n';
  f.close();
  if (!f) return make_error(ErrorCode::kIo, "write failed", path);
  return {};
}

}  // namespace

Result<std::vector<std::string>> write_dyad_folder(const Lexicon& lex, const std::string& dir,
                                                   const std::string& header) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot create folder: " + ec.message(), dir);
  std::vector<std::pair<std::string, std::string>> files;  // name, text

  auto only = [&](auto set) {
    DyadWriteOptions o;
    o.synsets = o.verbs = o.actors = o.agents = o.discards = o.negations = false;
    set(o);
    o.header = header;
    return o;
  };
  if (!lex.verb_classes.empty() || !lex.synsets.empty()) {
    files.emplace_back("verbs.dyad", write_dyad_dictionary(lex, only([](DyadWriteOptions& o) { o.synsets = o.verbs = true; })));
  }
  // One actor file per source file, named so that byte order is load order.
  std::vector<std::string> sources;
  for (const auto& a : lex.actors) {
    const std::string f = file_of(a.where);
    if (std::find(sources.begin(), sources.end(), f) == sources.end()) sources.push_back(f);
  }
  std::vector<std::string> names;
  for (const auto& s : sources) {
    const std::string label = actor_file_label(s);
    names.push_back(label.empty() ? "actors.dyad" : "actors-" + label + ".dyad");
  }
  const bool ordered = std::is_sorted(names.begin(), names.end()) &&
                       std::set<std::string>(names.begin(), names.end()).size() == names.size();
  for (std::size_t i = 0; i < sources.size(); ++i) {
    std::string name = names[i];
    if (!ordered) {
      const std::string num = (i + 1 < 10 ? "0" : "") + std::to_string(i + 1);
      name.insert(6, "-" + num);
    }
    files.emplace_back(name, write_dyad_dictionary(lex, only([&](DyadWriteOptions& o) {
                                                     o.actors = true;
                                                     o.from = sources.size() > 1 ? sources[i] : std::string();
                                                   })));
  }
  if (!lex.agents.empty()) files.emplace_back("agents.dyad", write_dyad_dictionary(lex, only([](DyadWriteOptions& o) { o.agents = true; })));
  if (!lex.discards.empty()) files.emplace_back("discards.dyad", write_dyad_dictionary(lex, only([](DyadWriteOptions& o) { o.discards = true; })));
  if (!lex.negations.empty()) files.emplace_back("negations.dyad", write_dyad_dictionary(lex, only([](DyadWriteOptions& o) { o.negations = true; })));

  std::vector<std::string> written;
  for (const auto& [name, text] : files) {
    std::string path = dir;
    path += '/';
    path += name;
    if (Status s = write_text(path, text); !s) return s.error();
    written.push_back(path);
  }
  return written;
}

}  // namespace dyad
