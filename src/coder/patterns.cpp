#include "coder/patterns.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <utility>

#include "text/english.h"

namespace dyad::coding {
namespace {

bool matches_word(const LexWord& lw, const Word& w) {
  return word_matches(lw, w.form) || word_matches(lw, w.lemma);
}

// True when the other words of a multi-word verb are near the verb: words after the verb
// word must follow it (a particle may be a few words later: "blew the bridge up"), words
// before it must precede it.
bool phrasal_present(const VerbEntry& e, const SentenceView& v, int i) {
  int pos = i;
  for (std::size_t k = e.verb_index + 1; k < e.words.size(); ++k) {
    int found = -1;
    for (int j = pos + 1; j < v.size() && j <= pos + 4; ++j) {
      if (v[j].form == e.words[k] || v[j].lemma == e.words[k]) {
        found = j;
        break;
      }
    }
    if (found < 0) return false;
    pos = found;
  }
  pos = i;
  for (std::size_t k = e.verb_index; k-- > 0;) {
    int found = -1;
    for (int j = pos - 1; j >= 0 && j >= pos - 4; --j) {
      if (v[j].form == e.words[k] || v[j].lemma == e.words[k]) {
        found = j;
        break;
      }
    }
    if (found < 0) return false;
    pos = found;
  }
  return true;
}

// Dependents whose words make up the verb's phrase for pattern matching.
bool in_verb_phrase(const Word& w) {
  return w.rel != "nsubj" && w.rel != "csubj" && w.rel != "punct" && w.rel != "parataxis" &&
         w.rel != "conj" && w.rel != "cc" && w.rel != "advcl" && w.rel != "discourse" &&
         w.rel != "vocative" && w.rel != "mark";
}

// "demanded on Sunday that ...": a phrase that only dates the act is no part of its
// pattern (PETRARCH's "* ON" for "opened fire on" would read "on Sunday" as an attack).
bool dates_the_act(const SentenceView& v, int k) {
  const Word& w = v[k];
  if (w.rel != "obl" && w.rel != "nmod") return false;
  if (w.sub == "tmod") return true;
  static const std::set<std::string> kTimes = {
      "MONDAY",  "TUESDAY",  "WEDNESDAY", "THURSDAY",  "FRIDAY",  "SATURDAY",  "SUNDAY",
      "JANUARY", "FEBRUARY", "MARCH",     "APRIL",     "MAY",     "JUNE",      "JULY",
      "AUGUST",  "SEPTEMBER", "OCTOBER",  "NOVEMBER",  "DECEMBER", "WEEKEND",  "MORNING",
      "EVENING", "AFTERNOON", "NIGHT",    "TODAY",     "YESTERDAY", "TOMORROW"};
  return kTimes.count(w.form) > 0 || kTimes.count(w.lemma) > 0;
}

bool own_word_of_date(const Word& w) {
  return w.rel == "case" || w.rel == "det" || w.rel == "amod" || w.rel == "nummod" || w.rel == "compound" ||
         w.rel == "flat";
}

struct Regions {
  std::vector<int> before, after;
};

Regions regions_of(const SentenceView& v, int verb, bool clause_only) {
  Regions r;
  for (int k : v[verb].kids) {
    const Word& w = v[k];
    const bool subject = w.rel == "nsubj" || w.rel == "csubj";
    if (!subject && !in_verb_phrase(w) && w.rel != "aux") continue;
    const bool date = dates_the_act(v, k);
    for (int t : v.subtree(k)) {
      // Of a date, only its own words are left out: a parser may hang the object on it
      // ("rejected on Thursday a U.S. proposal").
      if (date && (t == k || (v[t].head == k && own_word_of_date(v[t])))) continue;
      (t < verb ? r.before : r.after).push_back(t);
    }
  }
  // "Ethiopia indicated it would act now" (INDICATED WOULD * NOW): a complement clause is
  // read after the verb that governs it, which the words before the verb include.
  const Word& w = v[verb];
  if (!clause_only && (w.rel == "ccomp" || w.rel == "xcomp") && w.head >= 0 && w.head < verb) {
    r.before.push_back(w.head);
    // ... and so are the words before the governing verb ("unexpectedly won't try to
    // clash" matches UNEXPECTEDLY &NEGATVAUXVRB * OVER EFFORTS).
    for (int k : regions_of(v, w.head, clause_only).before) {
      if (std::find(r.before.begin(), r.before.end(), k) == r.before.end()) r.before.push_back(k);
    }
  }
  std::sort(r.before.begin(), r.before.end());
  std::sort(r.after.begin(), r.after.end());
  return r;
}

// Does a phrase match the words starting at region[p], on consecutive sentence words?
int phrase_at(const Phrase& ph, const SentenceView& v, const std::vector<int>& region, std::size_t p) {
  if (p + ph.size() > region.size()) return 0;
  for (std::size_t k = 0; k < ph.size(); ++k) {
    if (k > 0 && region[p + k] != region[p + k - 1] + 1) return 0;
    if (!matches_word(ph[k], v[region[p + k]])) return 0;
  }
  return static_cast<int>(ph.size());
}

// The words of a region (forms, lemmas and singulars of the forms), to reject at once the
// many patterns whose words are not there.
class WordSet {
 public:
  WordSet(const Lexicon& lex, const SentenceView& v, const std::vector<int>& region)
      : lex_(lex) {
    for (int k : region) {
      const Word& w = v[k];
      words_.push_back(w.form);
      if (w.lemma != w.form) words_.push_back(w.lemma);
      const std::string_view f = w.form;
      if (f.size() > 2 && f.back() == 'S') {
        words_.push_back(f.substr(0, f.size() - 1));
        if (f.size() > 3 && f[f.size() - 2] == 'E') words_.push_back(f.substr(0, f.size() - 2));
        if (f.size() > 4 && f.substr(f.size() - 3) == "IES") plural_y_.push_back(std::string(f.substr(0, f.size() - 3)) + "Y");
      }
    }
    for (const auto& y : plural_y_) words_.push_back(y);
    std::sort(words_.begin(), words_.end());
  }

  // False only when a plain word of the pattern, or every member of one of its synonym
  // sets, is certainly absent. Patterns with synonym sets are most of a class's patterns
  // and the dearest to match, so this is where the coder's time goes.
  bool may_match(const std::vector<PatternItem>& items) const {
    for (const PatternItem& it : items) {
      if (it.kind == PatternItem::Kind::kWord && !it.word.stem &&
          !std::binary_search(words_.begin(), words_.end(), std::string_view(it.word.text))) {
        return false;
      }
      if (it.kind == PatternItem::Kind::kSynset && it.synset_index >= 0 && !synset_may_start(it.synset_index)) {
        return false;
      }
    }
    return true;
  }

 private:
  bool synset_may_start(int index) const {
    // A class's patterns name a handful of synonym sets: a short list beats a table the
    // size of the lexicon's.
    for (const auto& [seen, may] : synset_seen_) {
      if (seen == index) return may;
    }
    const auto& starts = lex_.synset_starts[static_cast<std::size_t>(index)];
    bool may = false;
    for (std::string_view w : words_) {
      if (starts.words.contains(w) ||
          std::any_of(starts.stems.begin(), starts.stems.end(), [&](const std::string& s) { return w.starts_with(s); })) {
        may = true;
        break;
      }
    }
    synset_seen_.emplace_back(index, may);
    return may;
  }

  const Lexicon& lex_;
  std::vector<std::string_view> words_;
  std::vector<std::string> plural_y_;
  mutable std::vector<std::pair<int, bool>> synset_seen_;  // (synset index, may match) asked so far
};

class Matcher {
 public:
  // `words_as_written`: a pattern's word matches that word only (PatternRules).
  Matcher(const Lexicon& lex, const SentenceView& v, bool words_as_written)
      : lex_(lex), v_(v), words_as_written_(words_as_written) {}

  // The pattern's items in order in `region`, with gaps allowed between items and none
  // inside "{...}" phrases.
  // `target_from` and `source_from` receive the word where the pattern's "+" and "$"
  // markers fall (or stay as they are when the pattern has none).
  bool match(const std::vector<PatternItem>& items, const std::vector<int>& region, int* target_from,
             int* source_from) const {
    using K = PatternItem::Kind;
    matched_ = 0;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const PatternItem& it = items[i];
      if (it.kind == K::kTarget || it.kind == K::kSource) {
        *(it.kind == K::kTarget ? target_from : source_from) = pos < region.size() ? region[pos] : -1;
      } else if (it.kind == K::kSkip) {
        skip_noun_phrase(region, pos);
      } else if (it.kind == K::kPhraseBegin) {
        std::vector<const PatternItem*> slots;
        for (++i; i < items.size() && items[i].kind != K::kPhraseEnd; ++i) {
          if (items[i].kind == K::kWord || items[i].kind == K::kSynset) slots.push_back(&items[i]);
        }
        if (!match_contiguous(slots, region, pos, false, it.closed)) return false;
      } else if (it.kind == K::kPrepBegin) {
        // "(FOR ASYLUM)": a preposition and its noun, next to each other but for
        // determiners ("to the border"); a marker or skip inside ends the run.
        std::vector<const PatternItem*> slots;
        for (++i; i < items.size() && items[i].kind != K::kPrepEnd; ++i) {
          if (items[i].kind == K::kWord || items[i].kind == K::kSynset) {
            slots.push_back(&items[i]);
            continue;
          }
          if (!match_contiguous(slots, region, pos, true)) return false;
          slots.clear();
          if (items[i].kind == K::kTarget || items[i].kind == K::kSource) {
            *(items[i].kind == K::kTarget ? target_from : source_from) = pos < region.size() ? region[pos] : -1;
          }
          if (items[i].kind == K::kSkip) skip_noun_phrase(region, pos);
        }
        if (!match_contiguous(slots, region, pos, true)) return false;
      } else if (it.kind == K::kWord || it.kind == K::kSynset) {
        if (!match_contiguous({&it}, region, pos, false)) return false;
      }
    }
    return true;
  }

  // Sentence words the last match() covered: a synset member of several words ("AUSTRIAN
  // GOLD FLORIN") makes a pattern more specific than one word of another set.
  int matched() const { return matched_; }

 private:
  // Finds the slots on consecutive words at or after region[pos]; moves pos past them.
  // `closed`: nothing may stand between the slots (PatternItem::closed).
  bool match_contiguous(const std::vector<const PatternItem*>& slots, const std::vector<int>& region,
                        std::size_t& pos, bool skip_determiners, bool closed = false) const {
    if (slots.empty()) return true;
    for (std::size_t start = pos; start < region.size(); ++start) {
      std::size_t p = start;
      bool ok = true;
      int words = 0;
      int last = -1;  // the last word matched
      for (const PatternItem* s : slots) {
        if (skip_determiners && p > start) {
          while (p < region.size() && v_[region[p]].upos == "DET" && region[p] == region[p - 1] + 1) ++p;
        }
        int n = 0;
        while (p < region.size() && (p == start || region[p] == region[p - 1] + 1)) {
          n = slot_at(*s, region, p);
          // "{NEW &TIETYPES RELATIONS}" in "new global economic relations", "{DEATH
          // TOLL}" in "death and injury toll": another adjective of the same noun, or the
          // coordination of the word before, may stand between the phrase's words.
          if (n > 0 || p == start || skip_determiners || closed || !inner_word(region[p], last)) break;
          ++p;
        }
        if (n == 0) {
          ok = false;
          break;
        }
        p += static_cast<std::size_t>(n);
        last = region[p - 1];
        words += n;
      }
      if (ok) {
        pos = p;
        matched_ += words;
        return true;
      }
    }
    return false;
  }

  // Word `w` may stand inside a phrase after word `last`: an adjective of the noun that
  // `last` modifies too, or a conjunct of `last` (with its conjunction).
  bool inner_word(int w, int last) const {
    const Word& x = v_[w];
    if (x.rel == "amod" && x.head >= 0 && x.head == v_[last].head) return true;
    return (x.rel == "cc" || x.rel == "conj") && x.head == last;
  }

  // "^": moves past the next noun phrase (its head and the words modifying it).
  void skip_noun_phrase(const std::vector<int>& region, std::size_t& pos) const {
    while (pos < region.size() && v_[region[pos]].upos != "NOUN" && v_[region[pos]].upos != "PROPN" &&
           v_[region[pos]].upos != "PRON") {
      ++pos;
    }
    if (pos >= region.size()) return;
    int head = region[pos];
    while (v_[head].head >= 0 && (v_[head].rel == "compound" || v_[head].rel == "flat" || v_[head].rel == "amod")) {
      head = v_[head].head;
    }
    int last = head;
    for (int k : v_[head].kids) {
      const Word& w = v_[k];
      if (w.rel == "compound" || w.rel == "flat" || w.rel == "amod" || w.rel == "det") last = std::max(last, k);
    }
    while (pos < region.size() && region[pos] <= last) ++pos;
  }

  int slot_at(const PatternItem& s, const std::vector<int>& region, std::size_t p) const {
    if (s.kind == PatternItem::Kind::kWord) {
      const Word& w = v_[region[p]];
      if (words_as_written_ && !s.word.stem) return w.form == s.word.text ? 1 : 0;
      return matches_word(s.word, w) ? 1 : 0;
    }
    if (s.synset_index < 0) return 0;
    int best = 0;
    for (const Phrase& ph : lex_.synset_members[static_cast<std::size_t>(s.synset_index)]) {
      best = std::max(best, phrase_at(ph, v_, region, p));
    }
    return best;
  }

  const Lexicon& lex_;
  const SentenceView& v_;
  bool words_as_written_ = false;
  mutable int matched_ = 0;
};

// The best entry indexed under `key` for the verb at word `i`: more words win; for the same
// words, a later dictionary layer (data/dictionaries/current).
// With `stems_only`, only entries whose verb word is a stem (TABARI's "RESTOR").
const VerbEntry* verb_under(const Lexicon& lex, const SentenceView& v, int i, const std::string& key,
                            bool stems_only = false) {
  const VerbEntry* best = nullptr;
  auto it = lex.verbs_by_word.find(key);
  if (it == lex.verbs_by_word.end()) return best;
  for (std::size_t index : it->second) {
    const VerbEntry& e = lex.verbs[index];
    if (stems_only && !e.stem) continue;
    if (best && (best->words.size() > e.words.size() ||
                 (best->words.size() == e.words.size() && best->layer >= e.layer))) {
      continue;
    }
    if (e.words.size() == 1 || phrasal_present(e, v, i)) best = &e;
  }
  return best;
}

// The patterns that apply to a verb: its class's, and those of every other class that
// lists the same verb. A dictionary may list a verb twice, the second time for its
// patterns ("SHOT" under SHOOT for "shot and wounded", and again for "was shot dead");
// PETRARCH2 keeps the patterns of both; UniversalPetrarch and dyad the first listing's.
std::vector<const VerbPattern*> patterns_of(const Lexicon& lex, const VerbEntry& entry, bool every_listing) {
  std::vector<const VerbPattern*> out;
  std::vector<std::size_t> classes{entry.verb_class};
  if (auto it = lex.verbs_by_word.find(entry.words[entry.verb_index]); every_listing && it != lex.verbs_by_word.end()) {
    for (std::size_t index : it->second) {
      const VerbEntry& other = lex.verbs[index];
      if (other.words == entry.words &&
          std::find(classes.begin(), classes.end(), other.verb_class) == classes.end()) {
        classes.push_back(other.verb_class);
      }
    }
  }
  for (std::size_t c : classes) {
    for (const VerbPattern& p : lex.verb_classes[c].patterns) out.push_back(&p);
  }
  return out;
}

}  // namespace

const VerbEntry* find_verb(const Lexicon& lex, const SentenceView& v, int i) {
  // The form first: a dictionary may list an inflected form as its own verb ("LEFT" as
  // arriving somewhere, apart from "LEAVE").
  for (const std::string* key : {&v[i].form, &v[i].lemma}) {
    if (const VerbEntry* e = verb_under(lex, v, i, *key)) return e;
  }
  if (v[i].upos != "VERB") return nullptr;
  for (const std::string& base : text::regular_verb_bases(v[i].form)) {
    if (const VerbEntry* e = verb_under(lex, v, i, base)) return e;
  }
  // A stem verb ("RESTOR [064]") is any word it begins: the longest stem wins.
  const std::string& form = v[i].form;
  for (std::size_t n = form.size() - 1; n >= 2 && n < form.size(); --n) {
    if (const VerbEntry* e = verb_under(lex, v, i, form.substr(0, n), true)) return e;
  }
  return nullptr;
}

VerbCoding code_verb(const Lexicon& lex, const SentenceView& v, int i, const VerbEntry& entry, PatternRules rules) {
  const VerbClass& cls = lex.verb_classes[entry.verb_class];
  VerbCoding out;
  out.entry = &entry;
  out.code = entry.code.empty() ? cls.code : entry.code;
  out.paired = entry.code.empty() ? cls.paired : entry.paired;
  out.where = entry.where;
  const Regions r = regions_of(v, i, rules.clause_only);
  const Matcher m(lex, v, rules.words_as_written);
  const WordSet before_words(lex, v, r.before), after_words(lex, v, r.after);
  int best_words = 0;
  for (const VerbPattern* pattern : patterns_of(lex, entry, rules.every_listing)) {
    const VerbPattern& p = *pattern;
    if (out.pattern && p.specificity < out.pattern->specificity) continue;
    if (!before_words.may_match(p.before) || !after_words.may_match(p.after)) continue;
    int target_from = -1, source_from = -1;
    if (!m.match(p.before, r.before, &target_from, &source_from)) continue;
    int words = m.matched();
    if (!m.match(p.after, r.after, &target_from, &source_from)) continue;
    words += m.matched();
    // More pattern words win, then more sentence words, then a later dictionary layer (the
    // corrections in data/dictionaries/current); ties go to the first in the file.
    if (out.pattern && p.specificity == out.pattern->specificity &&
        (words < best_words || (words == best_words && p.layer <= out.pattern->layer))) {
      continue;
    }
    out.pattern = &p;
    out.target_from = target_from;
    out.source_from = source_from;
    best_words = words;
  }
  if (out.pattern) {
    out.code = out.pattern->code;
    out.paired = out.pattern->paired;
    out.where = out.pattern->where;
  }
  return out;
}

}  // namespace dyad::coding
