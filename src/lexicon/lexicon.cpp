#include "dyad/lexicon.h"

#include <algorithm>
#include <functional>
#include <set>

namespace dyad {

namespace {

// ASCII base letters of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A), upper
// case; '.' keeps the character as it is (the signs x and / in that range).
constexpr std::string_view kLatinBase =
    "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTSAAAAAAACEEEEIIIIDNOOOOO.OUUUUYTY"
    "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIIIJJJJKKKLLLLLLLLLLNNNNNNNNNOOOOOOOO"
    "RRRRRRSSSSSSSSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";

}  // namespace

std::string upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c - 'a' + 'A');
      continue;
    }
    // Two-byte UTF-8 for U+00C0..U+017F: lead byte C3 (C0..FF), C4 or C5 (100..17F).
    if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < s.size()) {
      const auto c2 = static_cast<unsigned char>(s[i + 1]);
      const unsigned cp = ((c & 0x1Fu) << 6) | (c2 & 0x3Fu);
      if ((c2 & 0xC0) == 0x80 && cp >= 0xC0 && cp < 0xC0 + kLatinBase.size() && kLatinBase[cp - 0xC0] != '.') {
        out += kLatinBase[cp - 0xC0];
        ++i;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

namespace {

std::uint64_t word_hash(std::string_view word) {
  std::uint64_t h = 1469598103934665603ULL;  // FNV-1a
  for (unsigned char c : word) h = (h ^ c) * 1099511628211ULL;
  return h ^ (h >> 29);
}

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
  if (w.stem) {
    if (word.size() < w.text.size() || word.compare(0, w.text.size(), w.text) != 0) return false;
    // A stem of three letters or fewer is an acronym ("PLA*"): it names "PLA" and "PLAS",
    // not every word it begins ("PLAN", "PLANE").
    if (w.text.size() <= kShortStemLength && !w.any_prefix) {
      return word.size() == w.text.size() || (word.size() == w.text.size() + 1 && word.back() == 'S');
    }
    return true;
  }
  if (word == w.text) return true;
  if (w.exact) return false;
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

namespace {

// "AL-QAEDA" as "AL", "-", "QAEDA"; empty when no word has an inner hyphen.
Phrase split_hyphens(const Phrase& phrase) {
  Phrase out;
  bool any = false;
  for (const LexWord& w : phrase) {
    std::size_t start = 0;
    for (std::size_t k = 1; k + 1 < w.text.size(); ++k) {
      if (w.text[k] != '-' || w.text[k - 1] == '-' || w.text[k + 1] == '-') continue;
      out.push_back(LexWord{w.text.substr(start, k - start), false});
      out.push_back(LexWord{"-", false});
      start = k + 1;
      any = true;
    }
    out.push_back(start == 0 ? w : LexWord{w.text.substr(start), false});
  }
  if (!any) return {};
  for (auto& w : out) w.stem = false;
  return out;
}

}  // namespace

void PhraseIndex::add(Phrase phrase, std::size_t entry) {
  if (phrase.empty()) return;
  if (Phrase split = split_hyphens(phrase); !split.empty()) {
    // The split form is the index's own: all() leaves it out, size() does not count it.
    const std::string key = split.front().text;
    add(std::move(split), entry);
    exact_[key].back().derived = true;
    --size_;
  }
  const LexWord& first = phrase.front();
  auto& bucket = first.stem ? stems_[first.text.substr(0, kStemKey)] : exact_[first.text];
  if (first.stem && first.text.size() < kStemKey) short_stems_ = true;
  if (!first.stem) {
    const std::uint64_t h = word_hash(first.text);
    for (const std::uint64_t bit : {h % kBloomBits, (h >> 32) % kBloomBits}) bloom_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  bucket.push_back(PhraseRef{std::move(phrase), entry});
  ++size_;
  sorted_ = false;
}

namespace {

std::string_view second_word(const PhraseRef& r) {
  return r.phrase.size() > 1 ? std::string_view(r.phrase[1].text) : std::string_view();
}

}  // namespace

void PhraseIndex::sort() {
  for (Table* table : {&exact_, &stems_}) {
    for (auto& [key, bucket] : *table) {
      std::stable_sort(bucket.begin(), bucket.end(),
                       [](const PhraseRef& a, const PhraseRef& b) { return second_word(a) < second_word(b); });
    }
  }
  sorted_ = true;
}

void PhraseIndex::candidates(std::string_view word, const std::vector<std::string_view>& next,
                             std::vector<const PhraseRef*>& out) const {
  if (!sorted_) return candidates(word, out);
  // The next words with their singulars, built only once a bucket is found: most words
  // start no phrase, and this runs for every word of every sentence.
  std::vector<std::string> variants;
  bool have_variants = false;
  auto make_variants = [&] {
    have_variants = true;
    for (std::string_view n : next) {
      variants.emplace_back(n);
      if (n.size() > 2 && n.back() == 'S') {
        variants.emplace_back(n.substr(0, n.size() - 1));
        if (n[n.size() - 2] == 'E') variants.emplace_back(n.substr(0, n.size() - 2));
        if (n.size() > 4 && n.substr(n.size() - 3) == "IES") variants.push_back(std::string(n.substr(0, n.size() - 3)) + "Y");
      }
    }
    std::sort(variants.begin(), variants.end());
    variants.erase(std::unique(variants.begin(), variants.end()), variants.end());
  };
  const auto by_second = [](const PhraseRef& r, std::string_view w) { return second_word(r) < w; };
  // An exact bucket shares one first word: test it once, then take the one-word phrases
  // (they sort first) and the ranges whose second word is a variant of the next word.
  auto take_bucket = [&](const std::vector<PhraseRef>& bucket) {
    // The bucket's first word with its plurals: phrases that allow none are filtered later.
    if (bucket.empty() || !word_matches(LexWord{bucket.front().phrase.front().text, false}, word)) return;
    auto one_word_end = std::lower_bound(bucket.begin(), bucket.end(), std::string_view("\x01"), by_second);
    for (auto it = bucket.begin(); it != one_word_end; ++it) out.push_back(&*it);
    if (one_word_end == bucket.end()) return;
    if (!have_variants) make_variants();
    for (const auto& v : variants) {
      for (auto it = std::lower_bound(bucket.begin(), bucket.end(), std::string_view(v), by_second);
           it != bucket.end() && second_word(*it) == v; ++it) {
        out.push_back(&*it);
      }
    }
  };
  auto exact = [&](std::string_view key) {
    if (!may_be_exact(key)) return;
    if (auto it = exact_.find(key); it != exact_.end()) take_bucket(it->second);
  };
  exact(word);
  if (word.size() > 2 && word.back() == 'S') {
    exact(word.substr(0, word.size() - 1));
    if (word[word.size() - 2] == 'E') exact(word.substr(0, word.size() - 2));
  }
  if (word.size() > 3 && word.substr(word.size() - 3) == "IES") exact(std::string(word.substr(0, word.size() - 3)) + "Y");
  // Stems are single words (a phrase never has stems): one-word phrases only.
  if (stems_.empty()) return;
  for (std::size_t n = 1; n <= std::min(kStemKey, word.size()); ++n) {
    if (n < kStemKey && !short_stems_) continue;
    if (auto it = stems_.find(word.substr(0, n)); it != stems_.end()) {
      for (const auto& r : it->second) {
        if (word_matches(r.phrase.front(), word)) out.push_back(&r);
      }
    }
  }
}

bool PhraseIndex::may_be_exact(std::string_view word) const {
  const std::uint64_t h = word_hash(word);
  for (const std::uint64_t bit : {h % kBloomBits, (h >> 32) % kBloomBits}) {
    if (!(bloom_[bit / 64] >> (bit % 64) & 1)) return false;
  }
  return true;
}

void PhraseIndex::candidates(std::string_view word, std::vector<const PhraseRef*>& out) const {
  auto take_matching = [&](const Table& table, std::string_view key) {
    if (&table == &exact_ && !may_be_exact(key)) return;
    auto it = table.find(key);
    if (it == table.end()) return;
    for (const auto& r : it->second) {
      if (word_matches(r.phrase.front(), word)) out.push_back(&r);
    }
  };
  if (may_be_exact(word)) {
    if (auto it = exact_.find(word); it != exact_.end()) {
      for (const auto& r : it->second) out.push_back(&r);
    }
  }
  // Plural forms of exact first words: ...S, ...ES, ...IES -> ...Y.
  if (word.size() > 2 && word.back() == 'S') {
    take_matching(exact_, word.substr(0, word.size() - 1));
    if (word[word.size() - 2] == 'E') take_matching(exact_, word.substr(0, word.size() - 2));
  }
  if (word.size() > 3 && word.substr(word.size() - 3) == "IES") {
    const std::string singular = std::string(word.substr(0, word.size() - 3)) + "Y";
    take_matching(exact_, singular);
  }
  // Stems are prefixes of the word: their bucket is keyed by their first letters.
  if (stems_.empty()) return;
  for (std::size_t n = 1; n <= std::min(kStemKey, word.size()); ++n) {
    if (n < kStemKey && !short_stems_) continue;
    take_matching(stems_, word.substr(0, n));
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

void finalize_lexicon(Lexicon& lexicon) {
  lexicon.actor_phrases.sort();
  lexicon.agent_phrases.sort();
  lexicon.discard_phrases.sort();
  lexicon.synset_members.clear();
  lexicon.synset_starts.clear();
  std::unordered_map<std::string, int> index;
  for (auto& cls : lexicon.verb_classes) {
    for (auto& pattern : cls.patterns) {
      for (auto* items : {&pattern.before, &pattern.after}) {
        for (auto& item : *items) {
          if (item.kind != PatternItem::Kind::kSynset) continue;
          auto [it, fresh] = index.emplace(item.synset, static_cast<int>(lexicon.synset_members.size()));
          if (fresh) {
            if (lexicon.synsets.count(item.synset)) {
              lexicon.synset_members.push_back(lexicon.expand_synset(item.synset));
              Lexicon::SynsetStarts starts;
              for (const Phrase& member : lexicon.synset_members.back()) {
                if (member.empty()) continue;
                if (member.front().stem) {
                  starts.stems.push_back(member.front().text);
                } else {
                  starts.words.insert(member.front().text);
                }
              }
              lexicon.synset_starts.push_back(std::move(starts));
            } else {
              it->second = -1;
            }
          }
          item.synset_index = it->second;
        }
      }
    }
  }
}

}  // namespace dyad
