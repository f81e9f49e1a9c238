// Readers for TABARI's dictionaries (.verbs, .actors, .agents), its .options and .project
// files. TABARI's conventions, as far as the Lexicon holds them:
//   - a word followed by "_" (or "=") is exact; a word without it is a stem ("ARGENTIN");
//     spaces and "_" both separate words (TABARI's "words in between allowed" for spaces
//     is not kept: docs/dictionaries.md lists the differences);
//   - ";" starts a comment, a line starting with "#" is commented out, "~~FINISH" ends a file,
//     "<TAG>" ... "</TAG>" sections other than <SYNSETS> are skipped (<NOUN>, <TIME>, ...);
//   - each verb line ("ABANDON  [---]") opens its own verb class, with the "- pattern" and
//     "{ FORMS }" lines after it; "{ A | B }" in a pattern is one pattern per alternative.
#include <algorithm>
#include <cctype>
#include <sstream>

#include "dyad/lexicon.h"
#include "dyad/reader.h"
#include "dyad/utf8.h"

namespace dyad {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Lines of a TABARI file with file:line, issues for malformed UTF-8, ";" comments removed.
class TabariLines {
 public:
  TabariLines(std::string path, Lexicon& lex, const LoadOptions& options)
      : path_(std::move(path)), lex_(lex), options_(options) {}

  Status open() {
    auto data = read_file(path_);
    if (!data) return data.error();
    data_ = std::move(data).value();
    return {};
  }

  // The next line with its comment removed (not trimmed); false at the end or "~~FINISH".
  bool next(std::string_view& line) {
    while (pos_ < data_.size() && !stop_) {
      const auto nl = data_.find('\n', pos_);
      const auto end = nl == std::string::npos ? data_.size() : nl;
      line = std::string_view(data_).substr(pos_, end - pos_);
      pos_ = end + 1;
      ++line_no_;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (auto bad = find_invalid_utf8(line)) {
        issue("malformed UTF-8 at column " + std::to_string(*bad + 1));
        continue;
      }
      if (line.substr(0, 2) == "~~") return false;
      if (!line.empty() && line.front() == '#') continue;
      if (const auto semi = line.find(';'); semi != std::string_view::npos) line = line.substr(0, semi);
      return true;
    }
    return false;
  }

  std::string where() const { return path_ + ":" + std::to_string(line_no_); }

  // Records a broken line; false once loading must stop (strict mode).
  bool issue(const std::string& message) {
    lex_.issues.push_back(LexiconIssue{where(), message});
    if (options_.strict && !error_) {
      error_ = make_error(ErrorCode::kParse, message, where());
      stop_ = true;
    }
    return !stop_;
  }

  Status status() const {
    if (error_) return *error_;
    return {};
  }

 private:
  std::string path_;
  Lexicon& lex_;
  const LoadOptions& options_;
  std::string data_;
  std::size_t pos_ = 0;
  std::size_t line_no_ = 0;
  std::optional<Error> error_;
  bool stop_ = false;
};

// Tracks "<TAG>" ... "</TAG>" sections. Returns true when the line was a tag.
bool section_tag(std::string_view line, std::string& section) {
  line = trim(line);
  if (line.size() < 3 || line.front() != '<' || line.back() != '>') return false;
  if (line[1] == '/') {
    section.clear();
  } else {
    section = upper(line.substr(1, line.size() - 2));
  }
  return true;
}

// A TABARI phrase: words separated by spaces or "_"; a word followed by "_" or ending in
// "=" is exact, any other word is a stem.
Phrase tabari_phrase(std::string_view text) {
  Phrase out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '_')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '_') ++j;
    if (j > i) {
      std::string w = upper(text.substr(i, j - i));
      bool exact = j < text.size() && text[j] == '_';
      if (w.size() > 1 && w.back() == '=') {
        w.pop_back();
        exact = true;
      }
      out.push_back(LexWord{std::move(w), !exact, false, true});
    }
    i = j;
  }
  return out;
}

// Bracketed parts "[...]" of a line, and the text before the first one.
std::vector<std::string_view> brackets(std::string_view line, std::string_view& head, bool& unclosed) {
  std::vector<std::string_view> out;
  unclosed = false;
  const auto first = line.find('[');
  head = line.substr(0, first);
  std::size_t pos = first;
  while (pos != std::string_view::npos) {
    const auto close = line.find(']', pos);
    if (close == std::string_view::npos) {
      unclosed = true;
      break;
    }
    out.push_back(trim(line.substr(pos + 1, close - pos - 1)));
    pos = line.find('[', close);
  }
  return out;
}

// "USAGOV 991201-010114", "HOB < 950601", "HOBREB > 990816", "ELR/GAL", "###".
bool tabari_dated_code(std::string_view text, DatedCode& out, std::string& error) {
  out = DatedCode{};
  text = trim(text);
  std::size_t i = 0;
  while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '<' && text[i] != '>') ++i;
  out.code = std::string(text.substr(0, i));
  std::string spec;
  for (char c : text.substr(i)) {
    if (!std::isspace(static_cast<unsigned char>(c))) spec += c;
  }
  const bool all_date = !out.code.empty() && std::all_of(out.code.begin(), out.code.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
  }) && out.code != "---";
  if (out.code.empty() || all_date) {
    error = "actor code missing in [" + std::string(text) + "]";
    return false;
  }
  if (spec.empty()) return true;
  auto date = [&](std::string_view d, long& days) {
    auto parsed = parse_dictionary_date(d);
    if (!parsed) {
      error = "bad date \"" + std::string(d) + "\" (expected YYMMDD or YYYYMMDD)";
      return false;
    }
    days = parsed->days();
    return true;
  };
  if (spec[0] == '<') {
    if (!date(std::string_view(spec).substr(1), out.to)) return false;
    --out.to;  // "before" the date
    return true;
  }
  if (spec[0] == '>') return date(std::string_view(spec).substr(1), out.from);
  const auto dash = spec.find('-');
  if (dash == std::string::npos) {
    error = "bad date range \"" + spec + "\"";
    return false;
  }
  return date(std::string_view(spec).substr(0, dash), out.from) && date(std::string_view(spec).substr(dash + 1), out.to);
}

bool event_code(std::string_view text, std::string& code, std::string& paired) {
  text = trim(text);
  const auto colon = text.find(':');
  code = std::string(trim(text.substr(0, colon)));
  paired = colon == std::string_view::npos ? std::string() : std::string(trim(text.substr(colon + 1)));
  auto ok = [](const std::string& c) {
    return std::none_of(c.begin(), c.end(), [](char ch) { return std::isspace(static_cast<unsigned char>(ch)); });
  };
  return !code.empty() && ok(code) && ok(paired);
}

// ---- patterns ----

// Tokens of a TABARI pattern: "*", "$", "+", "%", "^", "{", "}", "|", "&NAME", WORD with
// its exactness ("IN_" exact, "SAID" a stem).
struct PatToken {
  std::string text;
  bool exact = false;
};

std::vector<PatToken> tabari_pattern_tokens(std::string_view s) {
  std::vector<PatToken> out;
  const std::string_view specials = "*$+%^{}|()";
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '_' || c == '~') {
      // "_" after a word was folded into it; "~" (TABARI's "part of the previous word
      // group") has no counterpart and is dropped.
      ++i;
    } else if (specials.find(c) != std::string_view::npos) {
      out.push_back(PatToken{std::string(1, c), true});
      ++i;
    } else {
      std::size_t j = i + 1;
      while (j < s.size() && std::string_view(" \t_~*$+%^{}|()").find(s[j]) == std::string_view::npos) ++j;
      PatToken t{upper(s.substr(i, j - i)), j < s.size() && s[j] == '_'};
      if (t.text.size() > 1 && t.text.back() == '=') {
        t.text.pop_back();
        t.exact = true;
      }
      out.push_back(std::move(t));
      i = j;
    }
  }
  return out;
}

// Expands "{ A | B }" groups into one token list per alternative (at most `cap`).
bool expand_alternatives(const std::vector<PatToken>& tokens, std::vector<std::vector<PatToken>>& out,
                         std::string& error, std::size_t cap = 256) {
  out.assign(1, {});
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (tokens[i].text != "{") {
      for (auto& o : out) o.push_back(tokens[i]);
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    bool bar = false;
    while (j < tokens.size() && tokens[j].text != "}") {
      if (tokens[j].text == "{") {
        error = "nested \"{\" in a pattern";
        return false;
      }
      bar = bar || tokens[j].text == "|";
      ++j;
    }
    if (j >= tokens.size()) {
      error = "unclosed \"{\" in a pattern";
      return false;
    }
    if (!bar) {  // "{A B}": the words next to each other, as PETRARCH reads it
      for (auto& o : out) o.insert(o.end(), tokens.begin() + static_cast<long>(i), tokens.begin() + static_cast<long>(j) + 1);
      i = j + 1;
      continue;
    }
    std::vector<std::vector<PatToken>> alts(1);
    for (std::size_t k = i + 1; k < j; ++k) {
      if (tokens[k].text == "|") {
        alts.emplace_back();
      } else {
        alts.back().push_back(tokens[k]);
      }
    }
    std::vector<std::vector<PatToken>> next;
    for (const auto& o : out) {
      for (const auto& a : alts) {
        next.push_back(o);
        next.back().insert(next.back().end(), a.begin(), a.end());
      }
    }
    if (next.size() > cap) {
      error = "pattern alternatives expand to more than " + std::to_string(cap) + " patterns";
      return false;
    }
    out = std::move(next);
    i = j + 1;
  }
  return true;
}

bool tabari_pattern(std::string_view line, TabariLines& in, VerbClass& cls) {
  using K = PatternItem::Kind;
  std::string_view head;
  bool unclosed = false;
  const auto codes = brackets(line, head, unclosed);
  if (unclosed || codes.empty()) return in.issue("pattern without a [code]");
  VerbPattern proto;
  if (!event_code(codes.front(), proto.code, proto.paired)) {
    return in.issue("bad event code [" + std::string(codes.front()) + "]");
  }
  head = trim(head);
  if (!head.empty() && head.front() == '-') head.remove_prefix(1);
  std::vector<std::vector<PatToken>> variants;
  std::string error;
  if (!expand_alternatives(tabari_pattern_tokens(head), variants, error)) return in.issue(error);
  for (const auto& tokens : variants) {
    VerbPattern p = proto;
    p.where = in.where();
    bool seen_verb = false;
    for (const auto& t : tokens) {
      if (t.text == "*") {
        if (seen_verb) return in.issue("two \"*\" in a pattern");
        seen_verb = true;
        continue;
      }
      PatternItem it;
      if (t.text == "$") it.kind = K::kSource;
      else if (t.text == "+") it.kind = K::kTarget;
      else if (t.text == "%") it.kind = K::kCompound;
      else if (t.text == "^") it.kind = K::kSkip;
      else if (t.text == "{") it.kind = K::kPhraseBegin;
      else if (t.text == "}") it.kind = K::kPhraseEnd;
      else if (t.text == "(") it.kind = K::kPrepBegin;
      else if (t.text == ")") it.kind = K::kPrepEnd;
      else if (t.text.size() > 1 && t.text.front() == '&') {
        it.kind = K::kSynset;
        it.synset = t.text.substr(1);
      } else {
        it.kind = K::kWord;
        it.word = LexWord{t.text, !t.exact, false, true};
      }
      if (it.kind == K::kWord || it.kind == K::kSynset) ++p.specificity;
      (seen_verb ? p.after : p.before).push_back(std::move(it));
    }
    if (!seen_verb) return in.issue("pattern without the verb's place \"*\"");
    cls.patterns.push_back(std::move(p));
  }
  return true;
}

}  // namespace

Status read_tabari_verb_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  TabariLines in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  std::string section, synset;
  std::string_view raw;
  bool verb_open = false;  // a verb line opened a class the next lines belong to
  while (in.next(raw)) {
    if (section_tag(raw, section)) {
      synset.clear();
      continue;
    }
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    bool ok = true;
    if (section == "SYNSETS") {
      if (line.front() == '&') {
        synset = upper(trim(line.substr(1)));
        while (!synset.empty() && synset.back() == '_') synset.pop_back();
        lex.synsets[synset];
      } else if (line.front() == '+' && !synset.empty()) {
        const std::string_view member = trim(line.substr(1));
        if (member.size() > 1 && member.front() == '&' && member.find_first_of(" _") == std::string_view::npos) {
          lex.synsets[synset].push_back(Phrase{LexWord{upper(member), false}});
        } else {
          Phrase p = tabari_phrase(member);
          if (!p.empty()) lex.synsets[synset].push_back(std::move(p));
        }
      } else {
        ok = in.issue("expected \"&NAME\" or \"+MEMBER\" in <SYNSETS>");
      }
    } else if (!section.empty()) {
      continue;  // <TIME> and other sections dyad does not use
    } else if (line.front() == '-') {
      ok = verb_open ? tabari_pattern(line, in, lex.verb_classes.back()) : in.issue("pattern before any verb");
    } else if (line.front() == '{') {
      const auto close = line.find('}');
      if (!verb_open || lex.verbs.empty()) {
        ok = in.issue("verb forms before any verb");
      } else if (close == std::string_view::npos) {
        ok = in.issue("unclosed { forms }");
      } else {
        const std::size_t index = lex.verbs.size() - 1;
        std::istringstream forms(std::string(line.substr(1, close - 1)));
        for (std::string f; forms >> f;) {
          Phrase p = tabari_phrase(f);
          if (p.empty()) continue;
          lex.verbs[index].forms.push_back(p.front().text);
          lex.verbs_by_word[p.front().text].push_back(index);
        }
      }
    } else if (std::isalnum(static_cast<unsigned char>(line.front())) || line.front() == '\'') {
      std::string_view head;
      bool unclosed = false;
      const auto codes = brackets(line, head, unclosed);
      VerbClass cls;
      cls.where = in.where();
      cls.name = std::string(trim(head));
      if (unclosed) {
        ok = in.issue("unclosed [code]");
      } else if (codes.empty()) {
        cls.code = "---";
      } else if (!event_code(codes.front(), cls.code, cls.paired)) {
        ok = in.issue("bad event code [" + std::string(codes.front()) + "]");
      }
      const Phrase words = tabari_phrase(head);
      if (ok && words.empty()) ok = in.issue("verb line without a verb");
      if (ok) {
        VerbEntry v;
        v.where = in.where();
        v.verb_class = lex.verb_classes.size();
        for (const auto& w : words) v.words.push_back(w.text);
        v.stem = words.front().stem;
        lex.verb_classes.push_back(std::move(cls));
        lex.verbs_by_word[v.words.front()].push_back(lex.verbs.size());
        lex.verbs.push_back(std::move(v));
        verb_open = true;
      } else {
        verb_open = false;  // its patterns would land in the previous verb's class
      }
    } else {
      ok = in.issue("unrecognized line");
    }
    if (!ok) break;
  }
  return in.status();
}

Status read_tabari_actor_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  TabariLines in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  std::string section;
  std::vector<Phrase> pending;  // names waiting for their entry's codes
  bool open = false;            // the last entry still takes synonyms and code lines
  auto flush = [&] {
    for (auto& p : pending) lex.actor_phrases.add(std::move(p), lex.actors.size() - 1);
    pending.clear();
  };
  auto add_codes = [&](const std::vector<std::string_view>& codes) {
    for (const auto& c : codes) {
      DatedCode dc;
      std::string error;
      if (!tabari_dated_code(c, dc, error)) return in.issue(error);
      lex.actors.back().codes.push_back(std::move(dc));
    }
    if (!codes.empty()) flush();
    return true;
  };
  std::string_view raw;
  while (in.next(raw)) {
    if (section_tag(raw, section)) continue;
    if (!section.empty()) continue;  // <NOUN>, <ADJECTIVE>: word classes dyad does not use
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    std::string_view head;
    bool unclosed = false;
    const auto codes = brackets(line, head, unclosed);
    bool ok = true;
    if (unclosed) {
      ok = in.issue("unclosed [code]");
    } else if (line.front() == '[') {
      ok = open ? add_codes(codes) : in.issue("code line before any actor");
    } else if (line.front() == '+') {
      if (!open) {
        ok = in.issue("synonym before any actor");
      } else {
        Phrase p = tabari_phrase(trim(head.substr(1)));
        if (!p.empty()) pending.push_back(std::move(p));
        if (!lex.actors.back().codes.empty()) flush();
      }
    } else {
      const std::string_view name = trim(head);
      Phrase p = tabari_phrase(name);
      if (p.empty()) {
        ok = in.issue("actor line without a name");
      } else {
        if (!open || !lex.actors.back().codes.empty()) {
          ActorEntry e;
          e.id = upper(name);
          e.where = in.where();
          lex.actors.push_back(std::move(e));
          open = true;
        }
        pending.push_back(std::move(p));
        ok = add_codes(codes);
      }
    }
    if (!ok) break;
  }
  if (open && !pending.empty()) {
    if (lex.actors.back().codes.empty()) in.issue("actor \"" + lex.actors.back().id + "\" has no code");
    flush();
  }
  return in.status();
}

Status read_tabari_agent_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  TabariLines in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  std::string section;
  std::string_view raw;
  while (in.next(raw)) {
    if (section_tag(raw, section)) continue;
    if (!section.empty()) continue;
    const std::string_view line = trim(raw);
    if (line.empty()) continue;
    std::string_view head;
    bool unclosed = false;
    const auto codes = brackets(line, head, unclosed);
    bool ok = true;
    if (unclosed || codes.size() != 1) {
      ok = in.issue("an agent needs one [~CODE] or [CODE~]");
    } else {
      std::string code;
      for (char c : codes.front()) {
        if (!std::isspace(static_cast<unsigned char>(c))) code += c;
      }
      AgentEntry a;
      a.where = in.where();
      a.before = !code.empty() && code.back() == '~';
      code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
      a.code = code;
      // "NAME {PLURAL ...}": the other forms name the same agent.
      std::string_view names = head;
      std::vector<std::string_view> forms;
      if (const auto brace = names.find('{'); brace != std::string_view::npos) {
        const auto close = names.find('}', brace);
        std::string_view inside = names.substr(brace + 1, close == std::string_view::npos ? std::string_view::npos : close - brace - 1);
        names = names.substr(0, brace);
        std::size_t i = 0;
        while (i < inside.size()) {
          while (i < inside.size() && inside[i] == ' ') ++i;
          std::size_t j = i;
          while (j < inside.size() && inside[j] != ' ') ++j;
          if (j > i) forms.push_back(inside.substr(i, j - i));
          i = j;
        }
      }
      Phrase p = tabari_phrase(trim(names));
      if (a.code.empty() || p.empty()) {
        ok = in.issue("agent line without a name or code");
      } else {
        a.id = upper(trim(names));
        const std::size_t index = lex.agents.size();
        lex.agents.push_back(std::move(a));
        lex.agent_phrases.add(std::move(p), index);
        for (auto f : forms) {
          Phrase fp = tabari_phrase(f);
          if (!fp.empty()) lex.agent_phrases.add(std::move(fp), index);
        }
      }
    }
    if (!ok) break;
  }
  return in.status();
}

Status read_tabari_discard_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  TabariLines in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  std::string section;
  std::string_view raw;
  while (in.next(raw)) {
    if (section_tag(raw, section)) continue;
    std::string_view line = trim(raw);
    if (line.empty()) continue;
    Discard d;
    d.where = in.where();
    if (line.front() == '+') {
      d.whole_story = true;
      line.remove_prefix(1);
    }
    d.phrase = tabari_phrase(trim(line));
    if (d.phrase.empty()) {
      if (!in.issue("empty discard")) break;
      continue;
    }
    lex.discard_phrases.add(d.phrase, lex.discards.size());
    lex.discards.push_back(std::move(d));
  }
  return in.status();
}

std::optional<TabariOption> parse_tabari_option(std::string_view line) {
  line = trim(line);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  const std::string_view command = trim(line.substr(0, colon));
  for (char c : command) {
    if (!std::isalpha(static_cast<unsigned char>(c)) && c != ' ') return std::nullopt;
  }
  return TabariOption{upper(command), std::string(trim(line.substr(colon + 1))), {}};
}

Result<std::vector<TabariOption>> read_tabari_options(const std::string& path) {
  auto data = read_file(path);
  if (!data) return data.error();
  std::vector<TabariOption> out;
  std::size_t pos = 0, line_no = 0;
  while (pos < data->size()) {
    const auto nl = data->find('\n', pos);
    std::string_view line = std::string_view(*data).substr(pos, (nl == std::string::npos ? data->size() : nl) - pos);
    pos = nl == std::string::npos ? data->size() : nl + 1;
    ++line_no;
    line = trim(line);
    if (line.empty() || line.substr(0, 2) == "//") continue;
    if (line.substr(0, 2) == "~~") break;
    if (find_invalid_utf8(line)) continue;  // option files carry labels in old encodings
    if (auto o = parse_tabari_option(line)) {
      o->where = path + ":" + std::to_string(line_no);
      out.push_back(std::move(*o));
    }
  }
  return out;
}

Result<TabariProject> read_tabari_project(const std::string& path) {
  auto data = read_file(path);
  if (!data) return data.error();
  TabariProject p;
  p.path = path;
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  std::istringstream in(*data);
  bool first = true;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (first) {
      p.title = std::string(trim(line));
      first = false;
      if (!line.empty() && line.front() != '<') continue;
    }
    std::string_view l = trim(line);
    if (l.empty() || l.front() != '<') continue;
    const auto gt = l.find('>');
    if (gt == std::string_view::npos) continue;
    const std::string key = upper(l.substr(1, gt - 1));
    const std::string value(trim(l.substr(gt + 1)));
    if (value.empty()) continue;
    const std::string file = dir + value;
    if (key == "VERBSFILE") p.verbs.push_back(file);
    else if (key == "ACTORSFILE") p.actors.push_back(file);
    else if (key == "AGENTSFILE") p.agents.push_back(file);
    else if (key == "DISCARDSFILE" || key == "DISCARDFILE") p.discards.push_back(file);
    else if (key == "OPTIONSFILE") p.options = file;
    else if (key == "TEXTFILE") p.text = file;
  }
  if (p.verbs.empty() && p.actors.empty()) {
    return make_error(ErrorCode::kParse, "a TABARI .project names no <verbsfile> or <actorsfile>", path);
  }
  return p;
}

Result<std::shared_ptr<const Lexicon>> load_tabari_project(const std::string& path, const LoadOptions& options) {
  auto project = read_tabari_project(path);
  if (!project) return project.error();
  auto lex = std::make_shared<Lexicon>();
  auto run = [&](const std::vector<std::string>& paths, auto reader) -> Status {
    for (const auto& p : paths) {
      if (Status s = reader(p, *lex, options); !s) return s;
      lex->version += (lex->version.empty() ? "" : ",") + p.substr(p.find_last_of('/') + 1);
    }
    return {};
  };
  for (const Status& s : {run(project->verbs, read_tabari_verb_file), run(project->actors, read_tabari_actor_file),
                   run(project->agents, read_tabari_agent_file), run(project->discards, read_tabari_discard_file)}) {
    if (!s) return s.error();
  }
  finalize_lexicon(*lex);
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

}  // namespace dyad
