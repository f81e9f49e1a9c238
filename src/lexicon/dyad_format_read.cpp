// Reader of dyad's dictionary format (docs/dictionaries.md) and the folder loaders.
//
// The format is line based: a block starts with a keyword in column 0 and its member lines
// are indented. Every broken line becomes a LexiconIssue with file:line and is skipped
// (the first one is the error in strict mode); the rest of the file still loads.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "dyad/lexicon.h"
#include "dyad/paths.h"
#include "dyad/reader.h"
#include "dyad/utf8.h"
#include "dyad_format_syntax.h"

namespace dyad {
namespace {

using dyad_format::Line;
using dyad_format::Token;
using K = Token::Kind;

// A word token as a LexWord: a final unescaped "*" marks a stem, and a second one before
// it a short stem that begins any word ("PLA**", TABARI's reading: LexWord::any_prefix).
LexWord word_of(const Token& t) {
  LexWord w{upper(t.text), false};
  if (w.text.size() > 1 && w.text.back() == '*' && !t.literal_last) {
    w.text.pop_back();
    w.stem = true;
    if (w.text.size() > 1 && w.text.back() == '*' && !t.literal_before_last) {
      w.text.pop_back();
      w.any_prefix = true;
    }
  }
  return w;
}

// A Phrase from word tokens.
std::optional<std::string> phrase_of(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                     Phrase& out) {
  out.clear();
  for (std::size_t i = begin; i < end; ++i) {
    const Token& t = tokens[i];
    if (t.kind != K::kWord) return "unexpected \"" + t.text + "\" in a name";
    if (t.text == "*" && !t.literal_last) return std::string("\"*\" without a word before it");
    out.push_back(word_of(t));
  }
  return std::nullopt;
}

bool is_key(const Token& t, std::string_view key) {
  return t.kind == K::kWord && !t.literal_last && t.text == key;
}

// "042", "042:043", ":173", "---" inside brackets.
std::optional<std::string> event_code(const Token& t, std::string& code, std::string& paired) {
  std::string_view s = t.text;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  const auto colon = s.find(':');
  code = std::string(s.substr(0, colon));
  paired = colon == std::string_view::npos ? std::string() : std::string(s.substr(colon + 1));
  auto ok = [](const std::string& c) {
    for (char ch : c) {
      if (ch == ' ' || ch == '\t' || ch == ':') return false;
    }
    return true;
  };
  if (!ok(code) || !ok(paired)) return "bad event code [" + t.text + "]";
  return std::nullopt;
}

class DyadReader {
 public:
  DyadReader(std::string_view text, std::string name, Lexicon& lex, const LoadOptions& options)
      : text_(text), name_(std::move(name)), lex_(lex), options_(options) {}

  Status run() {
    std::size_t pos = 0;
    while (pos < text_.size() && !stop_) {
      const auto nl = text_.find('\n', pos);
      const auto end = nl == std::string_view::npos ? text_.size() : nl;
      std::string_view raw = text_.substr(pos, end - pos);
      pos = end + 1;
      ++line_no_;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      if (line_no_ == 1 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);  // a BOM
      if (auto bad = find_invalid_utf8(raw)) {
        issue("malformed UTF-8 at column " + std::to_string(*bad + 1));
        continue;
      }
      line(raw);
    }
    finish_actor();
    if (first_error_) return *first_error_;
    return {};
  }

 private:
  enum class Block { kNone, kActor, kAgent, kSynset, kClass, kBroken };

  std::string where() const { return name_ + ":" + std::to_string(line_no_); }

  void issue(const std::string& message) {
    lex_.issues.push_back(LexiconIssue{where(), message});
    if (options_.strict && !first_error_) {
      first_error_ = make_error(ErrorCode::kParse, message, where());
      stop_ = true;
    }
  }

  void line(std::string_view raw) {
    // Only pattern lines give parentheses and braces a meaning; peek at the keyword.
    std::string_view head = raw;
    while (!head.empty() && (head.front() == ' ' || head.front() == '\t')) head.remove_prefix(1);
    const bool pattern = head.substr(0, 8) == "pattern " || head.substr(0, 8) == "pattern\t";
    if (auto err = dyad_format::split_line(raw, pattern, line_)) {
      issue(*err);
      if (!line_.indented) enter(Block::kBroken);
      return;
    }
    if (line_.tokens.empty()) return;
    if (line_.indented) {
      member();
    } else {
      top();
    }
  }

  void enter(Block b) {
    finish_actor();
    block_ = b;
  }

  // ---- top-level lines ----

  void top() {
    const auto& toks = line_.tokens;
    const Token& key = toks.front();
    if (is_key(key, "actor")) return actor_header();
    if (is_key(key, "agent")) return agent_header();
    if (is_key(key, "synset")) return synset_header();
    if (is_key(key, "class")) return class_header();
    if (is_key(key, "extend")) return extend_header();
    if (is_key(key, "discard") || is_key(key, "discard-story")) {
      enter(Block::kNone);
      return discard(key.text == "discard-story");
    }
    if (is_key(key, "negate")) {
      enter(Block::kNone);
      return negate();
    }
    enter(Block::kBroken);
    issue("unknown keyword \"" + key.text +
          "\" (expected actor, agent, synset, class, extend, discard, discard-story or negate; member lines "
          "are indented)");
  }

  // Splits a header's tokens into words and the trailing bracket tokens.
  bool words_then_brackets(std::size_t from, std::size_t& words_end) {
    const auto& toks = line_.tokens;
    words_end = toks.size();
    for (std::size_t i = from; i < toks.size(); ++i) {
      if (toks[i].kind == K::kBracket) {
        words_end = i;
        break;
      }
    }
    for (std::size_t i = words_end; i < toks.size(); ++i) {
      if (toks[i].kind != K::kBracket) {
        issue("words after a [code]");
        return false;
      }
    }
    return true;
  }

  bool dated_code(const Token& t, DatedCode& out) {
    std::string_view s = t.text;
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    std::size_t i = 0;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    out = DatedCode{};
    out.code = std::string(s.substr(0, i));
    if (out.code.empty()) {
      issue("actor code missing in \"[" + t.text + "]\"");
      return false;
    }
    std::string range;
    for (char c : s.substr(i)) {
      if (c != ' ' && c != '\t') range += c;
    }
    if (range.empty()) return true;
    std::string error;
    if (!dyad_format::parse_date_range(range, out.from, out.to, error)) {
      issue(error);
      return false;
    }
    return true;
  }

  void actor_header() {
    enter(Block::kActor);
    std::size_t words_end = 0;
    if (!words_then_brackets(1, words_end)) return enter(Block::kBroken);
    ActorEntry e;
    e.where = where();
    Phrase name;
    if (auto err = phrase_of(line_.tokens, 1, words_end, name)) {
      issue(*err);
      return enter(Block::kBroken);
    }
    for (std::size_t i = words_end; i < line_.tokens.size(); ++i) {
      DatedCode c;
      if (!dated_code(line_.tokens[i], c)) return enter(Block::kBroken);
      e.codes.push_back(std::move(c));
    }
    actor_ = std::move(e);
    actor_names_.clear();
    actor_id_set_ = false;
    if (!name.empty()) actor_names_.push_back(std::move(name));
  }

  void finish_actor() {
    if (!actor_) return;
    ActorEntry e = std::move(*actor_);
    actor_.reset();
    if (!actor_id_set_) {
      if (actor_names_.empty()) {
        lex_.issues.push_back(LexiconIssue{e.where, "actor without a name or an id"});
        if (options_.strict && !first_error_) {
          first_error_ = make_error(ErrorCode::kParse, "actor without a name or an id", e.where);
          stop_ = true;
        }
        return;
      }
      e.id = dyad_format::derived_id(actor_names_.front(), true);
    } else {
      e.id = std::move(actor_id_);
    }
    const std::size_t index = lex_.actors.size();
    lex_.actors.push_back(std::move(e));
    for (auto& p : actor_names_) lex_.actor_phrases.add(std::move(p), index);
    actor_names_.clear();
  }

  void agent_header() {
    enter(Block::kAgent);
    std::size_t words_end = 0;
    if (!words_then_brackets(1, words_end)) return enter(Block::kBroken);
    if (words_end + 1 != line_.tokens.size()) {
      issue("an agent needs one [code]: [~GOV] after the country, [NGO~] before it");
      return enter(Block::kBroken);
    }
    Phrase name;
    if (auto err = phrase_of(line_.tokens, 1, words_end, name)) {
      issue(*err);
      return enter(Block::kBroken);
    }
    if (name.empty()) {
      issue("agent without a name");
      return enter(Block::kBroken);
    }
    std::string code;
    for (char c : line_.tokens.back().text) {
      if (c != ' ' && c != '\t') code += c;
    }
    AgentEntry a;
    a.where = where();
    const bool lead = !code.empty() && code.front() == '~';
    const bool trail = !code.empty() && code.back() == '~';
    if (lead == trail || code.size() < 2) {
      issue("agent code \"[" + line_.tokens.back().text + "]\" needs one \"~\" for the country: [~GOV] or [NGO~]");
      return enter(Block::kBroken);
    }
    a.before = trail;
    a.code = lead ? code.substr(1) : code.substr(0, code.size() - 1);
    a.id = dyad_format::derived_id(name, false);
    agent_ = lex_.agents.size();
    lex_.agents.push_back(std::move(a));
    lex_.agent_phrases.add(std::move(name), agent_);
  }

  void synset_header() {
    enter(Block::kSynset);
    const auto& toks = line_.tokens;
    if (toks.size() != 2 || toks[1].kind != K::kWord) {
      issue("expected \"synset NAME\"");
      return enter(Block::kBroken);
    }
    synset_ = upper(toks[1].text);
    if (!synset_.empty() && synset_.front() == '&' && !toks[1].literal_first) synset_.erase(0, 1);
    if (synset_.empty()) {
      issue("synset without a name");
      return enter(Block::kBroken);
    }
    lex_.synsets[synset_];
  }

  void class_header() {
    enter(Block::kClass);
    std::size_t words_end = 0;
    if (!words_then_brackets(1, words_end)) return enter(Block::kBroken);
    VerbClass cls;
    cls.where = where();
    for (std::size_t i = 1; i < words_end; ++i) {
      if (i > 1) cls.name += ' ';
      cls.name += line_.tokens[i].text;
    }
    if (words_end + 1 != line_.tokens.size()) {
      issue("a class needs one [code] (\"[---]\" for none)");
      cls.code = "---";
    } else if (auto err = event_code(line_.tokens.back(), cls.code, cls.paired)) {
      issue(*err);
      cls.code = "---";
    }
    // Even a class with a broken code opens its block, so its verbs do not land in the
    // class before it.
    lex_.verb_classes.push_back(std::move(cls));
    class_ = lex_.verb_classes.size() - 1;
  }

  // "extend NAME": more verbs and patterns for a class defined before (the last one of that
  // name), so that a later file can add to an imported class without copying it.
  void extend_header() {
    enter(Block::kClass);
    std::string name;
    for (std::size_t i = 1; i < line_.tokens.size(); ++i) {
      if (line_.tokens[i].kind != K::kWord) {
        issue("\"extend\" takes a class name and no [code]");
        return enter(Block::kBroken);
      }
      if (i > 1) name += ' ';
      name += line_.tokens[i].text;
    }
    for (std::size_t k = lex_.verb_classes.size(); k-- > 0;) {
      if (lex_.verb_classes[k].name == name) {
        class_ = k;
        return;
      }
    }
    issue("\"extend\": no class named \"" + name + "\" was defined before");
    enter(Block::kBroken);
  }

  void discard(bool story) {
    Discard d;
    d.where = where();
    d.whole_story = story;
    if (auto err = phrase_of(line_.tokens, 1, line_.tokens.size(), d.phrase)) return issue(*err);
    if (d.phrase.empty()) return issue("empty discard");
    lex_.discard_phrases.add(d.phrase, lex_.discards.size());
    lex_.discards.push_back(std::move(d));
  }

  void negate() {
    const auto& t = line_.tokens;
    if (t.size() != 4 || !is_key(t[2], "as") || t[1].kind != K::kWord || t[3].kind != K::kWord) {
      return issue("expected \"negate CODE as CODE\"");
    }
    lex_.negations[t[1].text] = t[3].text;
  }

  // ---- member lines ----

  void member() {
    switch (block_) {
      case Block::kNone:
        return issue("an indented line outside any block");
      case Block::kBroken:
        return;  // the block's header was reported already
      case Block::kActor:
        return actor_member();
      case Block::kAgent:
        return agent_member();
      case Block::kSynset:
        return synset_member();
      case Block::kClass:
        return class_member();
    }
  }

  bool id_line(std::string& into) {
    const auto& t = line_.tokens;
    if (!(is_key(t[0], "id:"))) return false;
    if (t.size() != 2 || t[1].kind != K::kWord) {
      issue("expected \"id: TEXT\"");
    } else {
      into = t[1].text;
    }
    return true;
  }

  void actor_member() {
    const auto& t = line_.tokens;
    if (id_line(actor_id_)) {
      actor_id_set_ = true;
      return;
    }
    if (t[0].kind == K::kBracket) {
      for (const auto& tok : t) {
        if (tok.kind != K::kBracket) return issue("a code line holds only [codes]");
      }
      for (const auto& tok : t) {
        DatedCode c;
        if (!dated_code(tok, c)) return;
        actor_->codes.push_back(std::move(c));
      }
      return;
    }
    Phrase p;
    for (const auto& tok : t) {
      if (tok.kind == K::kBracket) return issue("a name line cannot carry a [code]: put codes on their own line");
    }
    if (auto err = phrase_of(t, 0, t.size(), p)) return issue(*err);
    actor_names_.push_back(std::move(p));
  }

  void agent_member() {
    const auto& t = line_.tokens;
    AgentEntry& a = lex_.agents[agent_];
    if (id_line(a.id)) return;
    for (const auto& tok : t) {
      if (tok.kind == K::kBracket) return issue("an agent's other names carry no [code]");
    }
    Phrase p;
    if (auto err = phrase_of(t, 0, t.size(), p)) return issue(*err);
    lex_.agent_phrases.add(std::move(p), agent_);
  }

  void synset_member() {
    const auto& t = line_.tokens;
    auto& members = lex_.synsets[synset_];
    if (t.size() == 1 && t[0].kind == K::kWord && t[0].text.size() > 1 && t[0].text.front() == '&' &&
        !t[0].literal_first) {
      members.push_back(Phrase{LexWord{upper(t[0].text), false}});  // a nested synset, kept as "&NAME"
      return;
    }
    Phrase p;
    if (auto err = phrase_of(t, 0, t.size(), p)) return issue(*err);
    members.push_back(std::move(p));
  }

  void class_member() {
    const auto& t = line_.tokens;
    if (is_key(t[0], "verb")) return verb();
    if (is_key(t[0], "pattern")) return pattern();
    issue("a class holds \"verb\" and \"pattern\" lines");
  }

  void verb() {
    const auto& t = line_.tokens;
    VerbEntry v;
    v.where = where();
    v.verb_class = class_;
    std::size_t end = t.size();
    if (end > 1 && t.back().kind == K::kBracket) {
      if (auto err = event_code(t.back(), v.code, v.paired)) return issue(*err);
      --end;
    }
    bool forms = false;
    bool marked = false;
    std::vector<std::size_t> stems;  // words written with a final "*"
    for (std::size_t i = 1; i < end; ++i) {
      const Token& tok = t[i];
      if (tok.kind != K::kWord) return issue("unexpected \"[" + tok.text + "]\" in a verb line");
      if (is_key(tok, "forms:")) {
        if (forms) return issue("\"forms:\" twice");
        forms = true;
        continue;
      }
      std::string w = upper(tok.text);
      if (forms) {
        v.forms.push_back(std::move(w));
        continue;
      }
      if (w.size() > 1 && w.front() == '+' && !tok.literal_first) {
        if (marked) return issue("two words marked \"+\" as the verb");
        marked = true;
        v.verb_index = v.words.size();
        w.erase(0, 1);
      }
      if (w.size() > 1 && w.back() == '*' && !tok.literal_last) {
        w.pop_back();
        stems.push_back(v.words.size());
      }
      v.words.push_back(std::move(w));
    }
    if (v.words.empty()) return issue("verb line without a verb");
    if (stems.size() > 1 || (stems.size() == 1 && stems[0] != v.verb_index)) {
      return issue("only the verb word can be a stem");
    }
    v.stem = !stems.empty();
    const std::size_t index = lex_.verbs.size();
    lex_.verbs_by_word[v.words[v.verb_index]].push_back(index);
    for (const auto& f : v.forms) lex_.verbs_by_word[f].push_back(index);
    lex_.verbs.push_back(std::move(v));
  }

  void pattern() {
    using PK = PatternItem::Kind;
    const auto& t = line_.tokens;
    if (t.size() < 2 || t.back().kind != K::kBracket) return issue("a pattern ends with its [code]");
    VerbPattern p;
    if (auto err = event_code(t.back(), p.code, p.paired)) return issue(*err);
    bool seen_verb = false;
    for (std::size_t i = 1; i + 1 < t.size(); ++i) {
      const Token& tok = t[i];
      PatternItem it;
      switch (tok.kind) {
        case K::kOpenPrep: it.kind = PK::kPrepBegin; break;
        case K::kClosePrep: it.kind = PK::kPrepEnd; break;
        case K::kOpenPhrase: it.kind = PK::kPhraseBegin; break;
        case K::kClosePhrase: it.kind = PK::kPhraseEnd; break;
        case K::kBracket: return issue("a pattern has one [code], at its end");
        case K::kWord: {
          const bool plain = !tok.literal_first && !tok.literal_last;
          if (plain && tok.text == "*") {
            if (seen_verb) return issue("two \"*\" in a pattern");
            seen_verb = true;
            continue;
          }
          if (plain && tok.text == "$") it.kind = PK::kSource;
          else if (plain && tok.text == "+") it.kind = PK::kTarget;
          else if (plain && tok.text == "^") it.kind = PK::kSkip;
          else if (plain && tok.text == "%") it.kind = PK::kCompound;
          else if (tok.text.size() > 1 && tok.text.front() == '&' && !tok.literal_first) {
            it.kind = PK::kSynset;
            it.synset = upper(tok.text.substr(1));
          } else {
            it.kind = PK::kWord;
            it.word = word_of(tok);
          }
          break;
        }
      }
      if (it.kind == PK::kWord || it.kind == PK::kSynset) ++p.specificity;
      (seen_verb ? p.after : p.before).push_back(std::move(it));
    }
    if (!seen_verb) return issue("pattern without the verb's place \"*\"");
    p.where = where();
    lex_.verb_classes[class_].patterns.push_back(std::move(p));
  }

  std::string_view text_;
  std::string name_;
  Lexicon& lex_;
  const LoadOptions& options_;
  std::size_t line_no_ = 0;
  Line line_;
  Block block_ = Block::kNone;
  std::size_t class_ = 0;  // the class that verb and pattern lines go to
  std::optional<ActorEntry> actor_;
  std::vector<Phrase> actor_names_;
  std::string actor_id_;
  bool actor_id_set_ = false;
  std::size_t agent_ = 0;
  std::string synset_;
  std::optional<Error> first_error_;
  bool stop_ = false;
};

void add_version(Lexicon& lex, const std::string& path, std::string_view bytes) {
  const auto slash = path.find_last_of('/');
  lex.version += (lex.version.empty() ? "" : ",") + path.substr(slash == std::string::npos ? 0 : slash + 1) +
                 "@" + dyad_format::content_hash(bytes).substr(0, 8);
}

}  // namespace

Status parse_dyad_dictionary(std::string_view text, const std::string& name, Lexicon& lexicon,
                             const LoadOptions& options) {
  return DyadReader(text, name, lexicon, options).run();
}

Status read_dyad_file(const std::string& path, Lexicon& lexicon, const LoadOptions& options) {
  auto data = read_file(path);
  if (!data) return data.error();
  if (Status s = parse_dyad_dictionary(*data, path, lexicon, options); !s) return s;
  add_version(lexicon, path, *data);
  return {};
}

namespace {

// Reads the dictionary files of one folder in byte order of their names: "*.dyad", and with
// `petrarch_actors` also "*.txt" files in PETRARCH2 actor syntax.
Status load_folder(const std::string& dir, bool petrarch_actors, Lexicon& lex, const LoadOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code fec;
    const bool wanted = p.extension() == ".dyad" || (petrarch_actors && p.extension() == ".txt");
    if (wanted && fs::is_regular_file(p, fec)) files.push_back(p.string());
  }
  if (ec) return make_error(ErrorCode::kIo, ec.message(), dir);
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (f.size() > 5 && f.compare(f.size() - 5, 5, ".dyad") == 0) {
      if (Status s = read_dyad_file(f, lex, options); !s) return s;
    } else {
      if (Status s = read_actor_file(f, lex, options); !s) return s;
      auto data = read_file(f);
      if (data) add_version(lex, f, *data);
    }
  }
  return {};
}

Result<std::shared_ptr<const Lexicon>> load_folders(const std::vector<std::string>& dirs, bool petrarch_after_first,
                                                    const LoadOptions& options) {
  namespace fs = std::filesystem;
  auto lex = std::make_shared<Lexicon>();
  for (std::size_t d = 0; d < dirs.size(); ++d) {
    std::error_code ec;
    if (!fs::is_directory(dirs[d], ec)) {
      if (d == 0) return make_error(ErrorCode::kNotFound, "no dictionary folder", dirs[d]);
      continue;
    }
    const LayerStart start = layer_start(*lex);
    if (Status s = load_folder(dirs[d], petrarch_after_first && d > 0, *lex, options); !s) return s.error();
    mark_layer(*lex, start, static_cast<int>(d));
  }
  finalize_lexicon(*lex);
  return std::shared_ptr<const Lexicon>(std::move(lex));
}

}  // namespace

LayerStart layer_start(const Lexicon& lex) {
  LayerStart start;
  start.verbs = lex.verbs.size();
  start.agents = lex.agents.size();
  start.actors = lex.actors.size();
  for (const auto& c : lex.verb_classes) start.patterns.push_back(c.patterns.size());
  return start;
}

void mark_layer(Lexicon& lex, const LayerStart& start, int layer) {
  for (std::size_t k = start.verbs; k < lex.verbs.size(); ++k) lex.verbs[k].layer = layer;
  for (std::size_t k = start.agents; k < lex.agents.size(); ++k) lex.agents[k].layer = layer;
  for (std::size_t k = start.actors; k < lex.actors.size(); ++k) lex.actors[k].layer = layer;
  // Patterns added to the new classes, and to earlier ones through `extend`.
  for (std::size_t c = 0; c < lex.verb_classes.size(); ++c) {
    auto& patterns = lex.verb_classes[c].patterns;
    for (std::size_t k = c < start.patterns.size() ? start.patterns[c] : 0; k < patterns.size(); ++k) {
      patterns[k].layer = layer;
    }
  }
}

Result<std::shared_ptr<const Lexicon>> load_lexicon_dirs(const std::vector<std::string>& dirs,
                                                         const LoadOptions& options) {
  return load_folders(dirs, false, options);
}

Result<std::shared_ptr<const Lexicon>> load_lexicon_dir(const std::string& dir, const LoadOptions& options) {
  return load_folders({dir}, false, options);
}

Result<std::shared_ptr<const Lexicon>> load_default_lexicon(const LoadOptions& options) {
  const std::string base = default_data_dir() + "/dictionaries";
  return load_folders({base + "/default", base + "/current"}, true, options);
}

}  // namespace dyad
