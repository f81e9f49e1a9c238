#include "nlp/lemmatizer.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "text/chars.h"
#include "text/english.h"

namespace dyad::nlp {
namespace {

std::string key2(std::string_view a, std::string_view b) {
  std::string k(a);
  k += '\t';
  k += b;
  return k;
}

bool apply(const LemmaRule& r, std::string_view form, std::string& out) {
  const std::string base = r.lower ? text::ascii_lower(form) : std::string(form);
  if (r.strip > base.size()) return false;
  out = base.substr(0, base.size() - r.strip) + r.append;
  return !out.empty();
}

// The rule turning form into lemma, preferring the form as written.
bool derive(std::string_view form, std::string_view lemma, LemmaRule& rule) {
  for (bool lower : {false, true}) {
    const std::string base = lower ? text::ascii_lower(form) : std::string(form);
    std::size_t common = 0;
    while (common < base.size() && common < lemma.size() && base[common] == lemma[common]) ++common;
    if (base.size() - common > 0xFFFF) return false;
    rule.lower = lower;
    rule.strip = static_cast<std::uint16_t>(base.size() - common);
    rule.append = std::string(lemma.substr(common));
    if (common > 0 || base.empty()) return true;
  }
  return false;
}

template <typename Map>
void save_map(BinaryWriter& w, const Map& m) {
  std::vector<std::pair<std::string, std::string>> v(m.begin(), m.end());
  std::sort(v.begin(), v.end());
  w.put<std::uint64_t>(v.size());
  for (const auto& [k, x] : v) {
    w.put_string(k);
    w.put_string(x);
  }
}

bool load_map(BinaryReader& r, std::unordered_map<std::string, std::string>& m) {
  std::uint64_t n = 0;
  if (!r.get(n) || n > (1u << 26)) return false;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string k;
    std::string v;
    if (!r.get_string(k) || !r.get_string(v)) return false;
    m.emplace(std::move(k), std::move(v));
  }
  return true;
}

}  // namespace

void LemmatizerModel::save(BinaryWriter& w) const {
  save_map(w, exact);
  save_map(w, lower);
  std::vector<std::pair<std::string, LemmaRule>> v(rules.begin(), rules.end());
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  w.put<std::uint64_t>(v.size());
  for (const auto& [k, rule] : v) {
    w.put_string(k);
    w.put<std::uint8_t>(rule.lower ? 1 : 0);
    w.put<std::uint16_t>(rule.strip);
    w.put_string(rule.append);
  }
  save_map(w, word_feats);
  save_map(w, tag_feats);
}

bool LemmatizerModel::load(BinaryReader& r) {
  if (!load_map(r, exact) || !load_map(r, lower)) return false;
  std::uint64_t n = 0;
  if (!r.get(n) || n > (1u << 26)) return false;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string k;
    std::uint8_t lw = 0;
    LemmaRule rule;
    if (!r.get_string(k) || !r.get(lw) || !r.get(rule.strip) || !r.get_string(rule.append)) return false;
    rule.lower = lw != 0;
    rules.emplace(std::move(k), std::move(rule));
  }
  if (!load_map(r, word_feats) || !load_map(r, tag_feats)) return false;
  index_known_words();
  return r.at_end();
}

void LemmatizerModel::index_known_words() {
  known_words.clear();
  for (const auto& [key, lemma] : lower) {
    known_words.insert(text::ascii_lower(lemma));
    known_words.insert(key.substr(0, key.find('\t')));
  }
}

namespace {

bool inflected_verb(std::string_view xpos) { return xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ"; }


// For a verb form the treebank lacks: an irregular verb, else the rule's lemma when the
// treebank knows that word, else the first regular base it knows, else the rule's lemma.
std::string unknown_verb_lemma(const LemmatizerModel& model, const std::string& lower, std::string rule_lemma) {
  if (auto base = irregular_verb_lemma(lower); !base.empty()) return base;
  if (rule_lemma.empty() || model.known_words.contains(text::ascii_lower(rule_lemma))) return rule_lemma;
  for (const auto& base : text::regular_verb_bases(lower)) {
    if (model.known_words.contains(base)) return base;
  }
  return rule_lemma;
}

}  // namespace

std::string lemma_of(const LemmatizerModel& model, std::string_view form, std::string_view xpos) {
  if (auto it = model.exact.find(key2(form, xpos)); it != model.exact.end()) return it->second;
  const std::string lower = text::ascii_lower(form);
  if (auto it = model.lower.find(key2(lower, xpos)); it != model.lower.end()) return it->second;
  std::string out = std::string(form);
  for (std::size_t k = std::min(kMaxLemmaSuffix, lower.size()) + 1; k-- > 0;) {
    auto it = model.rules.find(key2(xpos, std::string_view(lower).substr(lower.size() - k)));
    if (it == model.rules.end()) continue;
    std::string applied;
    if (apply(it->second, form, applied)) {
      out = std::move(applied);
      break;
    }
  }
  return inflected_verb(xpos) ? unknown_verb_lemma(model, lower, std::move(out)) : out;
}

void lemmatize_sentence(const LemmatizerModel& model, Sentence& sentence) {
  for (Token& t : sentence.tokens) {
    t.lemma = lemma_of(model, t.form, t.xpos);
    const std::string tags = key2(t.upos, t.xpos);
    if (auto it = model.word_feats.find(key2(text::ascii_lower(t.form), tags));
        it != model.word_feats.end()) {
      t.feats = it->second;
    } else if (auto jt = model.tag_feats.find(tags); jt != model.tag_feats.end()) {
      t.feats = jt->second;
    } else {
      t.feats = "_";
    }
  }
}

std::shared_ptr<LemmatizerModel> train_lemmatizer(const std::vector<Sentence>& train) {
  auto model = std::make_shared<LemmatizerModel>();
  std::map<std::string, std::map<std::string, int>> exact;
  std::map<std::string, std::map<std::string, int>> lower;
  std::set<std::tuple<std::string, std::string, std::string>> types;
  std::map<std::string, std::map<std::string, int>> word_feats;
  std::map<std::string, std::map<std::string, int>> tag_feats;
  for (const Sentence& s : train) {
    for (const Token& t : s.tokens) {
      if (t.lemma.empty()) continue;
      ++exact[key2(t.form, t.xpos)][t.lemma];
      ++lower[key2(text::ascii_lower(t.form), t.xpos)][t.lemma];
      types.insert({t.form, t.xpos, t.lemma});
      const std::string tags = key2(t.upos, t.xpos);
      ++word_feats[key2(text::ascii_lower(t.form), tags)][t.feats];
      ++tag_feats[tags][t.feats];
    }
  }
  auto best = [](const std::map<std::string, int>& counts) {
    const std::string* b = nullptr;
    int n = -1;
    for (const auto& [k, c] : counts) {
      if (c > n) {
        n = c;
        b = &k;
      }
    }
    return *b;
  };
  for (const auto& [k, counts] : exact) model->exact.emplace(k, best(counts));
  for (const auto& [k, counts] : lower) {
    const std::string b = best(counts);
    model->lower.emplace(k, b);
  }
  std::map<std::string, std::map<LemmaRule, int>> rules;
  for (const auto& [form, xpos, lemma] : types) {
    LemmaRule rule;
    if (!derive(form, lemma, rule)) continue;
    const std::string lw = text::ascii_lower(form);
    for (std::size_t k = 0; k <= std::min(kMaxLemmaSuffix, lw.size()); ++k) {
      ++rules[key2(xpos, std::string_view(lw).substr(lw.size() - k))][rule];
    }
  }
  for (const auto& [k, counts] : rules) {
    const LemmaRule* b = nullptr;
    int n = -1;
    for (const auto& [rule, c] : counts) {
      if (c > n) {
        n = c;
        b = &rule;
      }
    }
    model->rules.emplace(k, *b);
  }
  // Drop exact and lowercase entries the rules already get right: a smaller model.
  for (auto it = model->exact.begin(); it != model->exact.end();) {
    const auto tab = it->first.find('\t');
    const std::string form = it->first.substr(0, tab);
    const std::string lw = text::ascii_lower(form);
    const auto lit = model->lower.find(key2(lw, it->first.substr(tab + 1)));
    if (lit != model->lower.end() && lit->second == it->second) {
      it = model->exact.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& [k, counts] : word_feats) {
    const std::string b = best(counts);
    const auto tab = k.find('\t');
    const auto t = tag_feats.find(k.substr(tab + 1));
    if (t != tag_feats.end() && best(t->second) == b) continue;
    model->word_feats.emplace(k, b);
  }
  for (const auto& [k, counts] : tag_feats) model->tag_feats.emplace(k, best(counts));
  model->index_known_words();
  return model;
}

}  // namespace dyad::nlp
