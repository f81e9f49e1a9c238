// The dictionary linter behind `dyad dict lint`: checks a loaded Lexicon for entries that
// contradict each other, patterns that can never fire, codes outside the CAMEO table and
// other mistakes that loading alone accepts. It works on the Lexicon, so every dictionary
// format dyad reads can be linted; findings point at file:line through `where`.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "dyad/cameo.h"
#include "dyad/lexicon.h"
#include "dyad_format_syntax.h"

namespace dyad {
namespace {

using PK = PatternItem::Kind;

// A short stem that begins any word (TABARI's "PLA**") names other words than the acronym
// "PLA*": they are different words for the checks below.
bool prefix_stem(const LexWord& w) { return w.stem && w.any_prefix && w.text.size() <= kShortStemLength; }

std::string phrase_key(const Phrase& p) {
  std::string s;
  for (const auto& w : p) {
    if (!s.empty()) s += ' ';
    s += w.text;
    if (w.stem) s += '*';
    if (prefix_stem(w)) s += '*';
  }
  return s;
}

bool same_item(const PatternItem& a, const PatternItem& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == PK::kWord) {
    return a.word.text == b.word.text && a.word.stem == b.word.stem && prefix_stem(a.word) == prefix_stem(b.word);
  }
  if (a.kind == PK::kSynset) return a.synset == b.synset;
  return true;
}

bool same_items(const std::vector<PatternItem>& a, const std::vector<PatternItem>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same_item);
}

// True when `small` is `big` with some items left out (in order).
bool subsequence(const std::vector<PatternItem>& small, const std::vector<PatternItem>& big) {
  std::size_t i = 0;
  for (std::size_t j = 0; j < big.size() && i < small.size(); ++j) {
    if (same_item(small[i], big[j])) ++i;
  }
  return i == small.size();
}

std::string codes_text(const ActorEntry& e) {
  std::string s;
  for (const auto& c : e.codes) {
    s += (s.empty() ? "" : " ") + c.code;
    const std::string range = dyad_format::date_range_text(c.from, c.to);
    if (!range.empty()) s += " " + range;
  }
  return "[" + s + "]";
}

bool same_codes(const ActorEntry& a, const ActorEntry& b) {
  if (a.codes.size() != b.codes.size()) return false;
  for (std::size_t i = 0; i < a.codes.size(); ++i) {
    if (a.codes[i].code != b.codes[i].code || a.codes[i].from != b.codes[i].from || a.codes[i].to != b.codes[i].to) {
      return false;
    }
  }
  return true;
}

bool good_event_code(const std::string& code) { return code == "---" || find_cameo(code) != nullptr; }

// Actor and agent codes are three-character parts: "USA", "USAGOV", "IGOUNOKID", "---REB".
// "###" is the field's code for "discard the sentence".
bool good_actor_code(const std::string& code) {
  if (code == "###") return true;
  if (code.empty() || code.size() % 3 != 0) return false;
  for (char c : code) {
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '-') {
      return false;
    }
  }
  return true;
}

// file:line -> (file, line) for sorting findings in file order.
std::pair<std::string, long> where_key(const std::string& where) {
  const auto colon = where.find_last_of(':');
  if (colon == std::string::npos) return {where, 0};
  long line = 0;
  for (std::size_t i = colon + 1; i < where.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(where[i]))) return {where, 0};
    line = line * 10 + (where[i] - '0');
  }
  return {where.substr(0, colon), line};
}

// How a finding refers to another place: "line 859" in the same file, else file:line.
std::string other(const std::string& here, const std::string& there) {
  const auto a = where_key(here), b = where_key(there);
  if (a.first == b.first && b.second > 0) return "line " + std::to_string(b.second);
  return there;
}

class Linter {
 public:
  explicit Linter(const Lexicon& lex) : lex_(lex) {}

  std::vector<LintFinding> run() {
    for (const auto& i : lex_.issues) add(i.where, "syntax", i.message);
    actors();
    agents();
    verbs();
    patterns();
    synsets();
    discards();
    std::stable_sort(out_.begin(), out_.end(), [](const LintFinding& a, const LintFinding& b) {
      return where_key(a.where) < where_key(b.where);
    });
    return std::move(out_);
  }

 private:
  void add(std::string where, std::string kind, std::string message) {
    out_.push_back(LintFinding{std::move(where), std::move(kind), std::move(message)});
  }

  void actors() {
    for (const auto& e : lex_.actors) {
      for (const auto& c : e.codes) {
        if (!good_actor_code(c.code)) add(e.where, "bad-code", "actor " + e.id + ": malformed actor code \"" + c.code + "\"");
        if (c.from > c.to) {
          add(e.where, "bad-date-range", "actor " + e.id + ": [" + c.code + " " +
                                             dyad_format::date_range_text(c.from, c.to) + "] ends before it starts");
        }
      }
    }
    // The same phrase naming two entries that code differently: which one wins depends on
    // load order, not on the dictionary's intent.
    // One finding for each pair of entries, however many names they share.
    std::set<std::pair<std::size_t, std::size_t>> reported;
    for (const auto& [key, entries] : entries_by_phrase(lex_.actor_phrases, lex_.actors.size())) {
      for (std::size_t k = 1; k < entries.size(); ++k) {
        const ActorEntry& b = lex_.actors[entries[k]];
        // As for agents: a later layer's actor is current/'s correction of the import (the
        // coder prefers it), so b can contradict only the first of its own layer.
        const auto first = std::find_if(entries.begin(), entries.begin() + static_cast<long>(k),
                                        [&](std::size_t e) { return lex_.actors[e].layer == b.layer; });
        if (first == entries.begin() + static_cast<long>(k)) continue;
        const ActorEntry& a = lex_.actors[*first];
        if (same_codes(a, b) || !reported.emplace(*first, entries[k]).second) continue;
        add(b.where, "duplicate", "\"" + key + "\" names actor " + b.id + " " + codes_text(b) + " and actor " + a.id +
                                      " " + codes_text(a) + " (" + other(b.where, a.where) + ")");
      }
    }
  }

  // Each phrase with the distinct entries it names, in entry order.
  static std::map<std::string, std::vector<std::size_t>> entries_by_phrase(const PhraseIndex& index, std::size_t n) {
    std::map<std::string, std::vector<std::size_t>> out;
    for (const PhraseRef* r : index.all()) {
      if (r->entry < n) out[phrase_key(r->phrase)].push_back(r->entry);
    }
    for (auto& [key, entries] : out) {
      std::sort(entries.begin(), entries.end());
      entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    }
    return out;
  }

  void agents() {
    for (const auto& a : lex_.agents) {
      if (!good_actor_code(a.code)) add(a.where, "bad-code", "agent " + a.id + ": malformed agent code \"" + a.code + "\"");
    }
    std::set<std::pair<std::size_t, std::size_t>> reported;
    for (const auto& [key, entries] : entries_by_phrase(lex_.agent_phrases, lex_.agents.size())) {
      auto code = [](const AgentEntry& x) { return x.before ? x.code + "~" : "~" + x.code; };
      for (std::size_t k = 1; k < entries.size(); ++k) {
        const AgentEntry& b = lex_.agents[entries[k]];
        // The coder takes a later layer's agent over an earlier layer's (current/ corrects
        // the import), and the first of one layer: only the first of b's own layer is
        // what b contradicts.
        const auto first = std::find_if(entries.begin(), entries.begin() + static_cast<long>(k),
                                        [&](std::size_t e) { return lex_.agents[e].layer == b.layer; });
        if (first == entries.begin() + static_cast<long>(k)) continue;
        const AgentEntry& a = lex_.agents[*first];
        if ((a.code == b.code && a.before == b.before) || !reported.emplace(*first, entries[k]).second) continue;
        add(b.where, "duplicate", "\"" + key + "\" is agent [" + code(b) + "] here and [" + code(a) + "] at " +
                                      other(b.where, a.where));
      }
    }
  }

  void event_code(const std::string& where, const std::string& what, const std::string& code,
                  const std::string& paired, bool may_be_empty) {
    if (!(code.empty() && may_be_empty) && !good_event_code(code)) {
      add(where, "bad-code", what + ": event code \"" + code + "\" is not in the CAMEO table");
    }
    if (!paired.empty() && !good_event_code(paired)) {
      add(where, "bad-code", what + ": paired code \"" + paired + "\" is not in the CAMEO table");
    }
  }

  void verbs() {
    for (const auto& cls : lex_.verb_classes) event_code(cls.where, "class " + cls.name, cls.code, cls.paired, false);
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < lex_.verbs.size(); ++i) {
      const VerbEntry& v = lex_.verbs[i];
      std::string key;
      for (std::size_t w = 0; w < v.words.size(); ++w) {
        key += (w ? " " : "") + std::string(w == v.verb_index && v.words.size() > 1 ? "+" : "") + v.words[w];
      }
      if (v.stem) key += "*";
      event_code(v.where, "verb " + key, v.code, v.paired, true);
      // A later layer's verb of the same words wins (it is how current/ re-reads an imported
      // verb): a verb repeats only within its layer.
      auto [it, fresh] = first.emplace(std::to_string(v.layer) + " " + key, i);
      if (fresh) continue;
      const VerbEntry& u = lex_.verbs[it->second];
      auto class_name = [&](const VerbEntry& x) {
        return x.verb_class < lex_.verb_classes.size() ? lex_.verb_classes[x.verb_class].name : std::string("?");
      };
      if (u.verb_class == v.verb_class && u.code == v.code && u.paired == v.paired) {
        add(v.where, "duplicate", "verb " + key + " is listed twice in class " + class_name(v) + " (" + other(v.where, u.where) + ")");
      } else {
        add(v.where, "duplicate", "verb " + key + " is in class " + class_name(v) + " here and in class " +
                                      class_name(u) + " at " + other(v.where, u.where));
      }
    }
  }

  void patterns() {
    std::vector<std::size_t> verbs_in(lex_.verb_classes.size(), 0);
    for (const auto& v : lex_.verbs) {
      if (v.verb_class < verbs_in.size()) ++verbs_in[v.verb_class];
    }
    for (std::size_t c = 0; c < lex_.verb_classes.size(); ++c) {
      const VerbClass& cls = lex_.verb_classes[c];
      if (verbs_in[c] == 0 && !cls.patterns.empty()) {
        add(cls.where, "unreachable", "class " + cls.name + " has " + std::to_string(cls.patterns.size()) +
                                          " patterns but no verbs: none of them can fire");
      }
      const auto& ps = cls.patterns;
      for (std::size_t j = 0; j < ps.size(); ++j) {
        const VerbPattern& b = ps[j];
        event_code(b.where, "pattern " + dyad_format::pattern_text(b), b.code, b.paired, false);
        for (std::size_t i = 0; i < j; ++i) {
          const VerbPattern& a = ps[i];
          // Of equally specific matches the coder keeps a later layer's pattern, else the
          // first: a pattern of another layer with the same items overrides or is overridden
          // by design, and only a more specific one makes it unreachable.
          const bool one_layer = a.layer == b.layer;
          if (one_layer && same_items(a.before, b.before) && same_items(a.after, b.after)) {
            const std::string codes = a.code == b.code && a.paired == b.paired
                                          ? "with the same code"
                                          : "with code [" + dyad_format::event_code_text(a.code, a.paired) + "], not [" +
                                                dyad_format::event_code_text(b.code, b.paired) + "]";
            add(b.where, "duplicate", "pattern " + dyad_format::pattern_text(b) + " in class " + cls.name + " repeats " + other(b.where, a.where) +
                                          " " + codes);
            break;
          }
          // The matcher keeps the first of equally specific matches; an earlier pattern that
          // asks for a subset of this one's items, as specific, matches whenever it does.
          const bool wins = one_layer ? a.specificity >= b.specificity : a.specificity > b.specificity;
          if (wins && subsequence(a.before, b.before) && subsequence(a.after, b.after)) {
            add(b.where, "unreachable", "pattern " + dyad_format::pattern_text(b) + " in class " + cls.name +
                                            " never fires: " + dyad_format::pattern_text(a) + " at " + other(b.where, a.where) +
                                            " matches whenever it does and is as specific");
            break;
          }
        }
        for (const auto* side : {&b.before, &b.after}) {
          for (const auto& it : *side) {
            if (it.kind == PK::kSynset && !lex_.synsets.count(it.synset)) {
              add(b.where, "undefined-synset", "pattern " + dyad_format::pattern_text(b) + " uses &" + it.synset + ", which is never defined");
            }
          }
        }
      }
    }
  }

  void synsets() {
    std::vector<const std::string*> names;
    for (const auto& [name, members] : lex_.synsets) names.push_back(&name);
    std::sort(names.begin(), names.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    for (const auto* name : names) {
      for (const auto& m : lex_.synsets.at(*name)) {
        if (m.size() == 1 && m[0].text.size() > 1 && m[0].text[0] == '&' && !lex_.synsets.count(m[0].text.substr(1))) {
          add("synset " + *name, "undefined-synset", "&" + *name + " includes " + m[0].text + ", which is never defined");
        }
      }
    }
  }

  void discards() {
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < lex_.discards.size(); ++i) {
      const Discard& d = lex_.discards[i];
      auto [it, fresh] = first.emplace(phrase_key(d.phrase), i);
      if (fresh) continue;
      const Discard& e = lex_.discards[it->second];
      add(d.where, "duplicate", "discard \"" + it->first + "\" repeats " + other(d.where, e.where) +
                                    (d.whole_story == e.whole_story ? "" : " at another level (sentence / story)"));
    }
  }

  const Lexicon& lex_;
  std::vector<LintFinding> out_;
};

}  // namespace

std::vector<LintFinding> lint_lexicon(const Lexicon& lexicon) { return Linter(lexicon).run(); }

}  // namespace dyad
