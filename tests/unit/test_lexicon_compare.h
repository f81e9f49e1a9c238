// Compares two lexicons entry by entry, ignoring where they were read from (`where`,
// `version`, `issues`). Returns the first difference in words, or "" when they are equal.
#pragma once

#include <algorithm>
#include <map>
#include <string>

#include "dyad/lexicon.h"

namespace dyad::testing {

// any_prefix changes what a word matches only on a short stem (TABARI's "PLA" begins
// PLAN; dyad's "PLA*" is an acronym): there it must survive, elsewhere it means nothing.
inline bool prefix_stem(const LexWord& w) { return w.stem && w.any_prefix && w.text.size() <= kShortStemLength; }

inline std::string show(const Phrase& p) {
  std::string s;
  for (const auto& w : p) s += (s.empty() ? "" : " ") + w.text + (w.stem ? "*" : "") + (prefix_stem(w) ? "*" : "");
  return "\"" + s + "\"";
}

inline bool same(const Phrase& a, const Phrase& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].text != b[i].text || a[i].stem != b[i].stem || prefix_stem(a[i]) != prefix_stem(b[i])) return false;
  }
  return true;
}

inline bool same(const std::vector<PatternItem>& a, const std::vector<PatternItem>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || a[i].synset != b[i].synset) return false;
    if (a[i].kind == PatternItem::Kind::kWord && !same(Phrase{a[i].word}, Phrase{b[i].word})) return false;
  }
  return true;
}

// Each entry's names, sorted: the names of one entry all code the same, so their order
// within the entry does not matter; which entry each name points at does.
inline std::map<std::size_t, std::vector<std::string>> names_by_entry(const PhraseIndex& index) {
  std::map<std::size_t, std::vector<std::string>> out;
  for (const PhraseRef* r : index.all()) out[r->entry].push_back(show(r->phrase));
  for (auto& [entry, names] : out) std::sort(names.begin(), names.end());
  return out;
}

inline std::string compare_index(const char* what, const PhraseIndex& a, const PhraseIndex& b) {
  if (a.size() != b.size()) {
    return std::string(what) + ": " + std::to_string(a.size()) + " phrases vs " + std::to_string(b.size());
  }
  const auto x = names_by_entry(a), y = names_by_entry(b);
  for (const auto& [entry, names] : x) {
    auto it = y.find(entry);
    if (it == y.end()) return std::string(what) + ": entry " + std::to_string(entry) + " has no names";
    if (it->second != names) {
      std::string s = std::string(what) + ": names of entry " + std::to_string(entry) + " differ:";
      for (const auto& n : names) s += " " + n;
      s += " vs";
      for (const auto& n : it->second) s += " " + n;
      return s;
    }
  }
  if (x.size() != y.size()) return std::string(what) + ": entries with names differ";
  return {};
}

inline std::string compare_lexicons(const Lexicon& a, const Lexicon& b) {
  auto count = [](const char* what, std::size_t x, std::size_t y) {
    return x == y ? std::string() : std::string(what) + ": " + std::to_string(x) + " vs " + std::to_string(y);
  };
  for (const auto& d : {count("actors", a.actors.size(), b.actors.size()),
                        count("agents", a.agents.size(), b.agents.size()),
                        count("verb classes", a.verb_classes.size(), b.verb_classes.size()),
                        count("verbs", a.verbs.size(), b.verbs.size()),
                        count("synsets", a.synsets.size(), b.synsets.size()),
                        count("discards", a.discards.size(), b.discards.size()),
                        count("negations", a.negations.size(), b.negations.size())}) {
    if (!d.empty()) return d;
  }
  for (std::size_t i = 0; i < a.actors.size(); ++i) {
    const auto &x = a.actors[i], &y = b.actors[i];
    if (x.id != y.id) return "actor #" + std::to_string(i) + " id " + x.id + " vs " + y.id;
    if (x.codes.size() != y.codes.size()) return "actor " + x.id + ": number of codes";
    for (std::size_t c = 0; c < x.codes.size(); ++c) {
      if (x.codes[c].code != y.codes[c].code || x.codes[c].from != y.codes[c].from || x.codes[c].to != y.codes[c].to) {
        return "actor " + x.id + ": code " + x.codes[c].code + " vs " + y.codes[c].code;
      }
    }
  }
  for (std::size_t i = 0; i < a.agents.size(); ++i) {
    const auto &x = a.agents[i], &y = b.agents[i];
    if (x.id != y.id || x.code != y.code || x.before != y.before) {
      return "agent #" + std::to_string(i) + ": " + x.id + " [" + x.code + "] vs " + y.id + " [" + y.code + "]";
    }
  }
  for (std::size_t i = 0; i < a.verb_classes.size(); ++i) {
    const auto &x = a.verb_classes[i], &y = b.verb_classes[i];
    if (x.name != y.name || x.code != y.code || x.paired != y.paired) {
      return "class #" + std::to_string(i) + ": " + x.name + " [" + x.code + "] vs " + y.name + " [" + y.code + "]";
    }
    if (x.patterns.size() != y.patterns.size()) return "class " + x.name + ": number of patterns";
    for (std::size_t p = 0; p < x.patterns.size(); ++p) {
      const auto &u = x.patterns[p], &v = y.patterns[p];
      if (!same(u.before, v.before) || !same(u.after, v.after) || u.code != v.code || u.paired != v.paired ||
          u.specificity != v.specificity) {
        return "class " + x.name + ": pattern " + u.where + " vs " + v.where;
      }
    }
  }
  for (std::size_t i = 0; i < a.verbs.size(); ++i) {
    const auto &x = a.verbs[i], &y = b.verbs[i];
    if (x.words != y.words || x.verb_index != y.verb_index || x.forms != y.forms || x.code != y.code ||
        x.paired != y.paired || x.verb_class != y.verb_class || x.stem != y.stem) {
      return "verb " + x.where + " vs " + y.where;
    }
  }
  if (std::map(a.verbs_by_word.begin(), a.verbs_by_word.end()) !=
      std::map(b.verbs_by_word.begin(), b.verbs_by_word.end())) {
    return "verbs_by_word differ";
  }
  for (const auto& [name, members] : a.synsets) {
    auto it = b.synsets.find(name);
    if (it == b.synsets.end()) return "synset " + name + " missing";
    if (members.size() != it->second.size()) return "synset " + name + ": number of members";
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (!same(members[m], it->second[m])) return "synset " + name + ": " + show(members[m]) + " vs " + show(it->second[m]);
    }
  }
  for (std::size_t i = 0; i < a.discards.size(); ++i) {
    if (!same(a.discards[i].phrase, b.discards[i].phrase) || a.discards[i].whole_story != b.discards[i].whole_story) {
      return "discard " + show(a.discards[i].phrase) + " vs " + show(b.discards[i].phrase);
    }
  }
  if (std::map(a.negations.begin(), a.negations.end()) != std::map(b.negations.begin(), b.negations.end())) {
    return "negations differ";
  }
  for (const auto& d : {compare_index("actor phrases", a.actor_phrases, b.actor_phrases),
                        compare_index("agent phrases", a.agent_phrases, b.agent_phrases),
                        compare_index("discard phrases", a.discard_phrases, b.discard_phrases)}) {
    if (!d.empty()) return d;
  }
  return {};
}

}  // namespace dyad::testing
