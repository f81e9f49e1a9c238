#include "dyad/lexicon.h"

#include <algorithm>
#include <functional>
#include <set>

namespace dyad {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

namespace {

// Regular plural of an upper-case English noun, as PETRARCH forms it for dictionary nouns.
bool is_regular_plural(std::string_view word, std::string_view singular) {
  if (word.size() <= singular.size() || word.compare(0, singular.size(), singular) != 0) {
    return false;
  }
  const std::string_view tail = word.substr(singular.size());
  if (tail == "S" || tail == "ES") return true;
  // CITY -> CITIES
  return singular.size() > 1 && singular.back() == 'Y' && tail == "IES" &&
         word.compare(0, singular.size() - 1, singular.substr(0, singular.size() - 1)) == 0;
}

}  // namespace

bool word_matches(const LexWord& w, std::string_view word) {
  if (w.stem) return word.size() >= w.text.size() && word.compare(0, w.text.size(), w.text) == 0;
  if (word == w.text) return true;
  if (is_regular_plural(word, w.text)) return true;
  // CITIES against CITY: compare "CIT" + "IES".
  if (w.text.size() > 1 && w.text.back() == 'Y' && word.size() == w.text.size() + 2 &&
      word.compare(0, w.text.size() - 1, w.text, 0, w.text.size() - 1) == 0 &&
      word.substr(w.text.size() - 1) == "IES") {
    return true;
  }
  return false;
}

Phrase parse_phrase(std::string_view text) {
  Phrase out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '_') ++j;
    if (j > i) {
      // A word followed by "_" (joined to the next word, or closing the phrase) is exact;
      // a lone word without it is a stem, as in TABARI.
      const bool joined = j < text.size() && text[j] == '_';
      out.push_back(LexWord{upper(text.substr(i, j - i)), !joined});
    }
    i = j < text.size() && text[j] == '_' ? j + 1 : j;
  }
  // Only a single word can be a stem ("ARGENTIN"); in a phrase ("THE_KU", "HAMAS WING")
  // every word is matched whole, as PETRARCH does.
  if (out.size() > 1) {
    for (auto& w : out) w.stem = false;
  }
  return out;
}

void PhraseIndex::add(Phrase phrase, std::size_t entry) {
  if (phrase.empty()) return;
  const LexWord first = phrase.front();
  auto& bucket = first.stem ? stems_[first.text] : exact_[first.text];
  bucket.push_back(PhraseRef{std::move(phrase), entry});
  if (first.stem) max_stem_ = std::max(max_stem_, first.text.size());
  ++size_;
}

void PhraseIndex::candidates(std::string_view word, std::vector<const PhraseRef*>& out) const {
  auto take = [&out](const std::vector<PhraseRef>& refs) {
    for (const auto& r : refs) out.push_back(&r);
  };
  std::string key(word);
  if (auto it = exact_.find(key); it != exact_.end()) take(it->second);
  // Plural forms of exact first words: ...S, ...ES, ...IES -> ...Y.
  for (std::size_t cut : {1u, 2u}) {
    if (word.size() > cut + 1) {
      if (auto it = exact_.find(key.substr(0, word.size() - cut)); it != exact_.end()) {
        for (const auto& r : it->second) {
          if (word_matches(r.phrase.front(), word)) out.push_back(&r);
        }
      }
    }
  }
  if (word.size() > 3 && word.substr(word.size() - 3) == "IES") {
    if (auto it = exact_.find(key.substr(0, word.size() - 3) + "Y"); it != exact_.end()) take(it->second);
  }
  // Stems are prefixes of the word: look up every prefix up to the longest stem.
  for (std::size_t n = 1; n <= std::min(max_stem_, word.size()); ++n) {
    if (auto it = stems_.find(key.substr(0, n)); it != stems_.end()) take(it->second);
  }
}

std::string ActorEntry::code_on(const Date& date) const {
  if (codes.empty()) return {};
  if (date.valid()) {
    const long d = date.days();
    for (const auto& c : codes) {
      if (c.dated() && c.from <= d && d <= c.to) return c.code;
    }
  }
  for (const auto& c : codes) {
    if (!c.dated()) return c.code;
  }
  return date.valid() ? std::string() : codes.back().code;
}

std::vector<Phrase> Lexicon::expand_synset(const std::string& name) const {
  std::vector<Phrase> out;
  std::set<std::string> seen;
  std::function<void(const std::string&)> visit = [&](const std::string& n) {
    if (!seen.insert(n).second) return;
    auto it = synsets.find(n);
    if (it == synsets.end()) return;
    for (const auto& p : it->second) {
      if (p.size() == 1 && !p[0].text.empty() && p[0].text[0] == '&') {
        visit(p[0].text.substr(1));
      } else {
        out.push_back(p);
      }
    }
  };
  visit(name);
  return out;
}

}  // namespace dyad
