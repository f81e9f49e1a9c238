// Sentence similarity for deduplication: do two reports say the same thing?
//
// Reports of one event share their names (the town, the unit, the minister) more reliably
// than their verbs and adjectives, which every outlet chooses for itself; so words written
// with a capital inside a sentence weigh more. Weekdays and months are left out: dates are
// compared as days, and "on Tuesday" in one report and "on Wednesday" in a later one say
// nothing about whether the act is the same.
#include "dedup/text_similarity.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace dyad::dedup {
namespace {

constexpr double kNameWeight = 2.0;
constexpr double kWordWeight = 1.0;

bool is_word_byte(unsigned char c) {
  // Bytes of UTF-8 multi-byte characters count as letters, so "Bogotá" stays one word.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool is_stopword(std::string_view w) {
  static constexpr std::array<std::string_view, 77> kStop = {
      "a",        "about",     "after",    "against", "also",     "an",      "and",
      "april",    "are",       "as",       "at",      "august",   "be",      "been",
      "before",   "but",       "by",       "december", "during",  "earlier", "february",
      "for",      "friday",    "from",     "had",     "has",      "have",    "he",
      "her",      "his",       "in",       "into",    "is",       "it",      "its",
      "january",  "july",      "june",     "late",    "march",    "may",     "monday",
      "near",     "new",       "november", "october", "of",       "on",      "one",
      "or",       "over",      "reported", "said",    "saturday", "say",     "says",
      "september", "she",      "sunday",   "than",    "that",     "the",     "their",
      "they",     "this",      "thursday", "to",      "today",    "tuesday", "two",
      "was",      "wednesday", "were",     "which",   "while",    "who",     "with"};
  return std::binary_search(kStop.begin(), kStop.end(), w);
}

// A crude English suffix strip, enough to meet "strikes"/"strike", "attacked"/"attack".
std::string stem(std::string w) {
  auto strip = [&w](std::string_view suffix) {
    if (w.size() >= suffix.size() + 4 && w.ends_with(suffix)) {
      w.resize(w.size() - suffix.size());
      return true;
    }
    return false;
  };
  if (w.ends_with("'s")) w.resize(w.size() - 2);
  if (!strip("ing") && !strip("ed") && !strip("es")) strip("s");
  return w;
}

}  // namespace

WeightedWords content_words(std::string_view text) {
  WeightedWords out;
  bool sentence_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      if (text[i] == '.' || text[i] == '"' || text[i] == ':') sentence_start = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (is_word_byte(static_cast<unsigned char>(text[j])) ||
                               (text[j] == '\'' && j + 1 < text.size() && text[j + 1] == 's'))) {
      ++j;
    }
    std::string word(text.substr(i, j - i));
    const bool capital = word[0] >= 'A' && word[0] <= 'Z';
    const bool name = capital && !sentence_start;
    sentence_start = false;
    i = j;
    for (char& c : word) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    if (word.size() < 2 || is_stopword(word)) continue;
    out.push_back({stem(std::move(word)), name ? kNameWeight : kWordWeight});
  }
  // One entry a word, at its highest weight: a name once capitalised stays a name.
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.word != b.word ? a.word < b.word : a.weight > b.weight;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& a, const auto& b) { return a.word == b.word; }),
            out.end());
  return out;
}

double similarity(const WeightedWords& a, const WeightedWords& b) {
  double total = 0;
  for (const auto& w : a) total += w.weight;
  for (const auto& w : b) total += w.weight;
  if (total == 0) return 0;
  double shared = 0;
  auto ia = a.begin();
  auto ib = b.begin();
  while (ia != a.end() && ib != b.end()) {
    if (ia->word < ib->word) {
      ++ia;
    } else if (ib->word < ia->word) {
      ++ib;
    } else {
      shared += ia->weight + ib->weight;
      ++ia;
      ++ib;
    }
  }
  return shared / total;
}

}  // namespace dyad::dedup
