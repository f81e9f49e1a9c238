// Readers for the PETRARCH family of text dictionaries: PETRARCH2's verb, actor, agent and
// discard files, the PETRARCH-1 verb syntax the PETRARCH unit tests use, and the
// TABARI-derived files of the validation suites. Each broken line becomes an issue with
// file:line; the rest of the file still loads unless LoadOptions::strict.
#include <cctype>
#include <cstdlib>
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

// Removes a trailing "# comment".
std::string_view strip_comment(std::string_view s) {
  const auto hash = s.find('#');
  return hash == std::string_view::npos ? s : s.substr(0, hash);
}

// Walks the lines of a dictionary file, tracking file:line and collecting issues.
class LineReader {
 public:
  LineReader(std::string path, Lexicon& lexicon, const LoadOptions& options)
      : path_(std::move(path)), lexicon_(lexicon), options_(options) {}

  Status open() {
    auto data = read_file(path_);
    if (!data) return data.error();
    data_ = std::move(data).value();
    return {};
  }

  // Next line (without newline), false at the end. Lines with malformed UTF-8 are
  // reported and skipped here, so parsers only see clean text.
  bool next(std::string_view& line) {
    while (pos_ < data_.size()) {
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
      return true;
    }
    return false;
  }

  std::string where() const { return path_ + ":" + std::to_string(line_no_); }

  // Records a broken line. Returns false when loading must stop (strict mode).
  bool issue(const std::string& message) {
    lexicon_.issues.push_back(LexiconIssue{where(), message});
    if (options_.strict && !first_error_) first_error_ = make_error(ErrorCode::kParse, message, where());
    return !options_.strict;
  }

  Status status() const {
    if (first_error_) return *first_error_;
    return {};
  }

 private:
  std::string path_;
  Lexicon& lexicon_;
  const LoadOptions& options_;
  std::string data_;
  std::size_t pos_ = 0;
  std::size_t line_no_ = 0;
  std::optional<Error> first_error_;
};

// A bracketed code "[042:043]" or "[USAGOV 990202-020412]": returns the text inside,
// or nullopt when the line has no well-formed bracket.
std::optional<std::string_view> bracket(std::string_view s, std::size_t* open_at = nullptr) {
  const auto open = s.find('[');
  if (open == std::string_view::npos) return std::nullopt;
  const auto close = s.find(']', open);
  if (close == std::string_view::npos) return std::nullopt;
  if (open_at) *open_at = open;
  return trim(s.substr(open + 1, close - open - 1));
}

bool valid_event_code(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

// "042:043" -> code 042, paired 043. Returns false for malformed codes.
bool split_event_code(std::string_view text, std::string& code, std::string& paired) {
  const auto colon = text.find(':');
  code = std::string(trim(text.substr(0, colon)));
  paired = colon == std::string_view::npos ? std::string() : std::string(trim(text.substr(colon + 1)));
  // "[:110]": only the target's act is coded (the source's is null).
  if (code.empty() && valid_event_code(paired)) code = "---";
  return valid_event_code(code) && (paired.empty() || valid_event_code(paired));
}

// ---- verbs ----------------------------------------------------------------------------

// A token of a pattern's text, and whether "_" joins it to the token before.
struct PatternToken {
  std::string text;
  bool joined = false;
};

// Tokens of a pattern's text: "*", "(", ")", "{", "}", "$", "+", "^", "%", "&NAME", WORD.
// Spaces and "_" separate tokens.
std::vector<PatternToken> pattern_tokens(std::string_view s) {
  std::vector<PatternToken> out;
  std::size_t i = 0;
  bool underscore = false;  // a "_" since the last token
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '_') {
      underscore = c == '_';
      ++i;
      continue;
    }
    if (std::string_view("*(){}$+^%").find(c) != std::string_view::npos) {
      out.push_back(PatternToken{std::string(1, c), underscore});
      ++i;
    } else {
      std::size_t j = i + 1;
      while (j < s.size() && std::string_view(" \t_*(){}$+^%").find(s[j]) == std::string_view::npos) ++j;
      out.push_back(PatternToken{upper(s.substr(i, j - i)), underscore});
      i = j;
    }
    underscore = false;
  }
  return out;
}

bool is_pattern_word(const PatternToken& t) {
  return t.text.size() > 1 || std::string_view("*(){}$+^%").find(t.text[0]) == std::string_view::npos;
}

// PETRARCH-1's closed connector: words joined by "_" outside braces and parentheses
// ("NEW_&TIETYPES_RELATIONS") are a phrase of adjacent words, "{" and "}" around them.
std::vector<PatternToken> close_joined_words(const std::vector<PatternToken>& tokens) {
  std::vector<PatternToken> out;
  int nesting = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const PatternToken& t = tokens[i];
    if (t.text == "{" || t.text == "(") ++nesting;
    if (t.text == "}" || t.text == ")") --nesting;
    std::size_t end = i;
    while (nesting == 0 && is_pattern_word(tokens[end]) && end + 1 < tokens.size() && tokens[end + 1].joined &&
           is_pattern_word(tokens[end + 1])) {
      ++end;
    }
    if (end == i) {
      out.push_back(t);
      continue;
    }
    out.push_back(PatternToken{"_{", false});
    for (std::size_t k = i; k <= end; ++k) out.push_back(tokens[k]);
    out.push_back(PatternToken{"}", false});
    i = end;
  }
  return out;
}

std::vector<PatternItem> pattern_items(const std::vector<PatternToken>& tokens) {
  using K = PatternItem::Kind;
  std::vector<PatternItem> items;
  for (const auto& [t, joined] : tokens) {
    PatternItem it;
    if (t == "(") it.kind = K::kPrepBegin;
    else if (t == ")") it.kind = K::kPrepEnd;
    else if (t == "{") it.kind = K::kPhraseBegin;
    else if (t == "_{") {
      it.kind = K::kPhraseBegin;
      it.closed = true;
    }
    else if (t == "}") it.kind = K::kPhraseEnd;
    else if (t == "$") it.kind = K::kSource;
    else if (t == "+") it.kind = K::kTarget;
    else if (t == "^") it.kind = K::kSkip;
    else if (t == "%") it.kind = K::kCompound;
    else if (t[0] == '&') {
      it.kind = K::kSynset;
      it.synset = t.substr(1);
    } else {
      it.kind = K::kWord;
      it.word = LexWord{t, false};
    }
    items.push_back(std::move(it));
  }
  return items;
}

// "- PRE * POST [code] # comment" (also without the "-", and PETRARCH-1's "IN_*").
bool parse_pattern(std::string_view line, LineReader& in, VerbClass& cls, const LoadOptions& options) {
  std::size_t open = 0;
  const auto code_text = bracket(line, &open);
  if (!code_text) return in.issue("pattern without a [code]");
  VerbPattern p;
  if (!split_event_code(*code_text, p.code, p.paired)) {
    return in.issue("bad event code [" + std::string(*code_text) + "]");
  }
  std::string_view body = trim(line.substr(0, open));
  if (!body.empty() && body.front() == '-') body.remove_prefix(1);
  const auto tokens = options.closed_connectors ? close_joined_words(pattern_tokens(body)) : pattern_tokens(body);
  const auto star = std::find_if(tokens.begin(), tokens.end(), [](const PatternToken& t) { return t.text == "*"; });
  if (star == tokens.end()) return in.issue("pattern without the verb's place \"*\"");
  p.before = pattern_items({tokens.begin(), star});
  p.after = pattern_items({star + 1, tokens.end()});
  for (const auto* side : {&p.before, &p.after}) {
    for (const auto& item : *side) {
      p.specificity += item.kind == PatternItem::Kind::kWord || item.kind == PatternItem::Kind::kSynset;
    }
  }
  p.where = in.where();
  cls.patterns.push_back(std::move(p));
  return true;
}

// "WORD {FORMS} [code]", "+BLOW_UP {+BLEW_UP ...}", PETRARCH-1 "KLM_NOP_+RST [002]".
bool parse_verb_line(std::string_view line, LineReader& in, Lexicon& lex) {
  VerbEntry v;
  v.verb_class = lex.verb_classes.size() - 1;
  v.where = in.where();
  std::size_t open = 0;
  if (auto code = bracket(line, &open)) {
    if (!split_event_code(*code, v.code, v.paired)) return in.issue("bad event code [" + std::string(*code) + "]");
    line = line.substr(0, open);
  }
  const auto brace = line.find('{');
  std::string_view head = trim(line.substr(0, brace));
  if (brace != std::string_view::npos) {
    const auto close = line.find('}', brace);
    if (close == std::string_view::npos) return in.issue("unclosed {forms}");
    std::istringstream forms(std::string(line.substr(brace + 1, close - brace - 1)));
    std::string f;
    while (forms >> f) {
      if (!f.empty() && f.front() == '+') f.erase(0, 1);
      // A multi-word form (BLEW_UP) is indexed by its verb word.
      f = upper(f.substr(0, f.find('_')));
      if (!f.empty()) v.forms.push_back(f);
    }
  }
  if (head.empty()) return in.issue("verb line without a verb");
  std::size_t start = 0;
  while (start <= head.size()) {
    const auto us = head.find_first_of("_ ", start);
    std::string w(head.substr(start, us == std::string_view::npos ? std::string_view::npos : us - start));
    if (!w.empty()) {
      if (w.front() == '+') {
        v.verb_index = v.words.size();
        w.erase(0, 1);
      }
      if (!w.empty()) v.words.push_back(upper(w));
    }
    if (us == std::string_view::npos) break;
    start = us + 1;
  }
  if (v.words.empty()) return in.issue("verb line without a verb");
  if (v.verb_index >= v.words.size()) v.verb_index = 0;
  const std::size_t index = lex.verbs.size();
  lex.verbs_by_word[v.words[v.verb_index]].push_back(index);
  for (const auto& f : v.forms) lex.verbs_by_word[f].push_back(index);
  lex.verbs.push_back(std::move(v));
  return true;
}

}  // namespace

std::optional<Date> parse_dictionary_date(std::string_view text) {
  if (text.size() == 6) {
    for (char c : text) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    }
    const int yy = (text[0] - '0') * 10 + (text[1] - '0');
    const std::string full = std::to_string(yy < 30 ? 2000 + yy : 1900 + yy) + std::string(text.substr(2));
    return parse_date(full);
  }
  if (text.size() == 8) return parse_date(text);
  return std::nullopt;
}

Status read_verb_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  LineReader in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  std::string synset;  // the synonym set being read, if any
  bool in_transformations = false;
  std::string_view raw;
  while (in.next(raw)) {
    std::string_view line = raw;
    if (trim(line).rfind("####### TRANSFORMATIONS", 0) == 0 ||
        trim(line).rfind("######## TRANSFORMATIONS", 0) == 0) {
      in_transformations = true;
    }
    line = trim(strip_comment(line));
    if (line.empty() || line.front() == '<') continue;
    if (in_transformations || line.front() == '~') continue;  // PETRARCH2 transformations: not applied
    bool ok = true;
    if (line.front() == '&') {  // a synonym set starts
      synset = upper(trim(line.substr(1)));
      while (!synset.empty() && synset.back() == '_') synset.pop_back();
      lex.synsets[synset];
      continue;
    }
    if (line.front() == '+' && !synset.empty()) {
      std::string member(trim(line.substr(1)));
      if (!member.empty() && member.front() == '&') {
        while (!member.empty() && member.back() == '_') member.pop_back();
        lex.synsets[synset].push_back(Phrase{LexWord{upper(member), false}});
      } else {
        Phrase p = parse_phrase(member);
        for (auto& w : p) w.stem = false;  // synonym set members are words, not stems
        if (!p.empty()) lex.synsets[synset].push_back(std::move(p));
      }
      continue;
    }
    synset.clear();
    if (line.rfind("---", 0) == 0) {  // "--- NAME [code] ---": a verb class
      VerbClass cls;
      cls.where = in.where();
      std::size_t open = 0;
      const auto code = bracket(line, &open);
      if (!code || !split_event_code(*code, cls.code, cls.paired)) {
        ok = in.issue("verb class header without a valid [code]");
        if (!ok) break;
        cls.code = "---";
      }
      cls.name = std::string(trim(line.substr(3, open > 3 ? open - 3 : 0)));
      lex.verb_classes.push_back(std::move(cls));
      continue;
    }
    if (lex.verb_classes.empty()) {
      ok = in.issue("verb or pattern before any \"--- CLASS [code] ---\" header");
    } else if (line.front() == '-' || line.front() == '*') {
      ok = parse_pattern(line, in, lex.verb_classes.back(), options);
    } else {
      ok = parse_verb_line(line, in, lex);
    }
    if (!ok) break;
  }
  return in.status();
}

namespace {

// "USAGOV 990202-020412", "HOB < 950601", "HOBGOV 19950601 - 19990815", "ENT".
bool parse_dated_code(std::string_view text, DatedCode& out, std::string& error) {
  text = trim(text);
  std::size_t i = 0;
  // The code runs to the first space or "<", ">" ("NGOHINDEN211DEV" has digits in it).
  while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != '<' &&
         text[i] != '>') {
    ++i;
  }
  out.code = std::string(text.substr(0, i));
  if (out.code.empty()) {
    error = "actor code missing";
    return false;
  }
  std::string spec;
  for (char c : text.substr(i)) {
    if (!std::isspace(static_cast<unsigned char>(c))) spec += c;
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
  if (spec[0] == '<') return date(std::string_view(spec).substr(1), out.to) && (--out.to, true);
  if (spec[0] == '>') return date(std::string_view(spec).substr(1), out.from);
  const auto dash = spec.find('-');
  if (dash == std::string::npos) {
    error = "bad date range \"" + spec + "\"";
    return false;
  }
  return date(std::string_view(spec).substr(0, dash), out.from) &&
         date(std::string_view(spec).substr(dash + 1), out.to);
}

// An actor's name as PETRARCH2 matches it, word for word (options.exact_actor_words),
// or with a lone word as a stem, as in TABARI ("ENT" then names "entire" too).
Phrase actor_name(std::string_view text, const LoadOptions& options) {
  Phrase p = parse_phrase(text);
  if (options.exact_actor_words) {
    for (auto& w : p) w.stem = false;
  }
  return p;
}

}  // namespace

Status read_actor_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  LineReader in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  // Names wait here until their entry's codes are known: PETRARCH lets several root
  // lines share the code block that follows them.
  std::vector<Phrase> pending;
  ActorEntry* current = nullptr;
  auto flush_names = [&](ActorEntry& entry, std::size_t index) {
    for (auto& p : pending) lex.actor_phrases.add(std::move(p), index);
    pending.clear();
    (void)entry;
  };
  auto start_entry = [&](std::string_view name) -> ActorEntry& {
    lex.actors.push_back(ActorEntry{});
    ActorEntry& e = lex.actors.back();
    e.id = upper(name);
    e.where = in.where();
    return e;
  };
  std::string_view raw;
  while (in.next(raw)) {
    const bool indented = !raw.empty() && (raw.front() == ' ' || raw.front() == '\t');
    std::string_view line = trim(strip_comment(raw));
    if (line.empty() || line.front() == '<') continue;
    bool ok = true;
    if (line.front() == '[') {  // a code line for the current entry
      if (!current) {
        ok = in.issue("code line before any actor");
      } else {
        DatedCode c;
        std::string error;
        const auto inner = bracket(line);
        if (!inner || !parse_dated_code(*inner, c, error)) {
          ok = in.issue(inner ? error : "unclosed [code]");
        } else {
          current->codes.push_back(std::move(c));
          flush_names(*current, lex.actors.size() - 1);
        }
      }
    } else if (line.front() == '+') {  // a synonym of the current entry
      std::size_t open = 0;
      std::string_view name = line.substr(1);
      std::optional<std::string_view> code;
      if ((code = bracket(name, &open))) name = name.substr(0, open);
      if (!current) {
        ok = in.issue("synonym before any actor");
      } else {
        pending.push_back(actor_name(trim(name), options));
        if (!current->codes.empty()) flush_names(*current, lex.actors.size() - 1);
      }
    } else {
      (void)indented;
      std::size_t open = 0;
      const auto code = bracket(line, &open);
      const std::string_view name = trim(code ? line.substr(0, open) : line);
      if (name.empty()) {
        ok = in.issue("actor line without a name");
      } else if (code) {  // "NAME [CODE]": a complete entry of its own
        DatedCode c;
        std::string error;
        if (!parse_dated_code(*code, c, error)) {
          ok = in.issue(error);
          current = nullptr;  // drop the broken entry; its synonyms are reported too
          pending.clear();
        } else {
          pending.clear();
          current = &start_entry(name);
          pending.push_back(actor_name(name, options));
          current->codes.push_back(std::move(c));
          flush_names(*current, lex.actors.size() - 1);
        }
      } else if (current && current->codes.empty()) {
        // Another root name for the entry still waiting for its codes.
        pending.push_back(actor_name(name, options));
      } else {
        current = &start_entry(name);
        pending.push_back(actor_name(name, options));
      }
    }
    if (!ok) break;
  }
  if (current && current->codes.empty() && !pending.empty()) {
    in.issue("actor \"" + current->id + "\" has no code");
  }
  return in.status();
}

Status read_agent_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  LineReader in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  std::vector<std::pair<std::string, std::vector<std::string>>> macros;  // !PERSON! -> MAN, ...
  std::string_view raw;
  while (in.next(raw)) {
    std::string_view line = trim(strip_comment(raw));
    if (line.empty() || line.front() == '<') continue;
    bool ok = true;
    if (line.front() == '!' && line.find('=') != std::string_view::npos) {
      const auto eq = line.find('=');
      std::vector<std::string> alts;
      std::string rest(line.substr(eq + 1));
      std::replace(rest.begin(), rest.end(), ',', ' ');
      std::istringstream ss(rest);
      for (std::string a; ss >> a;) alts.push_back(upper(a));
      macros.emplace_back(upper(trim(line.substr(0, eq))), std::move(alts));
      continue;
    }
    std::size_t open = 0;
    const auto code = bracket(line, &open);
    if (!code) {
      ok = in.issue("agent without a [code]");
    } else {
      std::string c;
      for (char ch : *code) {
        if (!std::isspace(static_cast<unsigned char>(ch))) c += ch;
      }
      AgentEntry agent;
      agent.where = in.where();
      agent.before = !c.empty() && c.back() == '~';
      c.erase(std::remove(c.begin(), c.end(), '~'), c.end());
      agent.code = c;
      std::string_view names = line.substr(0, open);
      const auto brace = names.find('{');
      std::vector<std::string> words{std::string(trim(names.substr(0, brace)))};
      if (brace != std::string_view::npos) {
        const auto close = names.find('}', brace);
        std::istringstream ss(std::string(names.substr(brace + 1, close == std::string_view::npos ? std::string_view::npos : close - brace - 1)));
        for (std::string p; ss >> p;) words.push_back(p);
      }
      if (agent.code.empty() || words.front().empty()) {
        ok = in.issue("agent line without a name or code");
      } else {
        agent.id = upper(words.front());
        const std::size_t index = lex.agents.size();
        lex.agents.push_back(agent);
        for (auto w : words) {
          w = upper(w);
          std::vector<std::string> expanded{w};
          for (const auto& [macro, alts] : macros) {
            std::vector<std::string> next;
            for (const auto& e : expanded) {
              const auto at = e.find(macro);
              if (at == std::string::npos) {
                next.push_back(e);
                continue;
              }
              for (const auto& a : alts) next.push_back(e.substr(0, at) + a + e.substr(at + macro.size()));
            }
            expanded = std::move(next);
          }
          for (const auto& e : expanded) {
            Phrase p = parse_phrase(e);
            for (auto& pw : p) {
              pw.stem = false;  // agents are nouns: exact words and plurals
              // "POLICE {}", "MAN {MEN}": the braces give the plurals, none are guessed.
              pw.exact = brace != std::string_view::npos;
            }
            lex.agent_phrases.add(std::move(p), index);
          }
        }
      }
    }
    if (!ok) break;
  }
  return in.status();
}

Status read_discard_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  LineReader in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  std::string_view raw;
  while (in.next(raw)) {
    std::string_view line = trim(strip_comment(raw));
    if (line.empty() || line.front() == '<') continue;
    Discard d;
    d.where = in.where();
    if (line.front() == '+') {
      d.whole_story = true;
      line.remove_prefix(1);
    }
    d.phrase = parse_phrase(trim(line));
    for (auto& w : d.phrase) w.stem = false;
    if (d.phrase.empty()) {
      if (!in.issue("empty discard")) break;
      continue;
    }
    lex.discard_phrases.add(d.phrase, lex.discards.size());
    lex.discards.push_back(std::move(d));
  }
  return in.status();
}

Status read_pico_file(const std::string& path, Lexicon& lex, const LoadOptions& options) {
  LineReader in(path, lex, options);
  if (Status s = in.open(); !s) return s;
  // "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove", "121:-0xFFFF+0x0070": a code, its
  // value, and optionally how the value is composed. 0xFFFF is negation.
  std::unordered_map<long, std::string> by_value;
  std::vector<std::pair<std::string, long>> negated;  // code, value it negates
  auto parse_sum = [](std::string_view expr, bool& has_not, long& rest) {
    has_not = false;
    rest = 0;
    std::size_t i = 0;
    while (i < expr.size()) {
      int sign = 1;
      if (expr[i] == '+' || expr[i] == '-') {
        sign = expr[i] == '-' ? -1 : 1;
        ++i;
      }
      std::size_t j = i;
      while (j < expr.size() && expr[j] != '+' && expr[j] != '-') ++j;
      const std::string term(trim(expr.substr(i, j - i)));
      if (term.size() < 3 || term[0] != '0' || (term[1] != 'x' && term[1] != 'X')) return false;
      const long v = std::strtol(term.c_str() + 2, nullptr, 16);
      if (v == 0xFFFF) {
        has_not = true;
      } else {
        rest += sign * v;
      }
      i = j;
    }
    return true;
  };
  std::string_view raw;
  while (in.next(raw)) {
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
      if (!in.issue("expected CODE:VALUE")) break;
      continue;
    }
    const std::string code(trim(line.substr(0, colon)));
    std::vector<std::string_view> fields;
    std::string_view rest = line.substr(colon + 1);
    for (std::size_t hash; (hash = rest.find('#')) != std::string_view::npos; rest = rest.substr(hash + 1)) {
      fields.push_back(trim(rest.substr(0, hash)));
    }
    fields.push_back(trim(rest));
    bool has_not = false;
    long value = 0;
    if (!parse_sum(fields[0], has_not, value)) {
      if (code == "---") continue;  // the null code
      if (!in.issue("bad PICO value \"" + std::string(fields[0]) + "\"")) break;
      continue;
    }
    if (!has_not) by_value.emplace(value, code);
    // The composition may be the value itself ("-0xFFFF+0x0070") or a second field.
    for (std::size_t f = 0; f < fields.size() && f < 2; ++f) {
      bool n = false;
      long v = 0;
      if (parse_sum(fields[f], n, v) && n && v > 0) negated.emplace_back(code, v);
    }
  }
  for (const auto& [code, v] : negated) {
    auto it = by_value.find(v);
    if (it == by_value.end() || it->second == code) continue;
    lex.negations.emplace(code, it->second);
    lex.negations.emplace(it->second, code);
  }
  return in.status();
}

Result<std::shared_ptr<const Lexicon>> load_petrarch_lexicon(const LexiconFiles& files,
                                                             const LoadOptions& options) {
  auto lex = std::make_shared<Lexicon>();
  auto run = [&](const std::vector<std::string>& paths, auto reader) -> Status {
    for (const auto& p : paths) {
      if (Status s = reader(p, *lex, options); !s) return s;
      lex->version += (lex->version.empty() ? "" : ",") + p.substr(p.find_last_of('/') + 1);
    }
    return {};
  };
  for (const Status& s : {run(files.verbs, read_verb_file), run(files.actors, read_actor_file),
                   run(files.agents, read_agent_file), run(files.discards, read_discard_file),
                   run(files.pico, read_pico_file)}) {
    if (!s) return s.error();
  }
  finalize_lexicon(*lex);
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

}  // namespace dyad
