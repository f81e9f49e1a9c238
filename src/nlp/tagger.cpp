#include "nlp/tagger.h"

#include <algorithm>
#include <map>

#include "text/chars.h"

namespace dyad::nlp {
namespace {

constexpr std::uint64_t kStart = 0x5354415254ULL;  // tag id used before the sentence
constexpr std::uint64_t kEnd = 0x454e44ULL;        // after it
constexpr int kAllowedMinCount = 10;
// First-pass decisions with a margin above this are final: the second pass revisits only
// the others (on EWT dev this loses no accuracy and skips most words).
constexpr float kSureMargin = 20.0f;  // words this frequent keep to their seen tags

struct WordInfo {
  std::uint64_t form = 0;
  std::uint64_t lower = 0;
  std::uint64_t prefix[4] = {0, 0, 0, 0};
  std::uint64_t suffix[5] = {0, 0, 0, 0, 0};
  std::uint64_t shape = 0;
  std::uint64_t flags = 0;
  std::uint64_t rarity = 0;  // how often the word was seen in training, bucketed
  std::uint64_t lower_rarity = 0;  // how often its lowercased form was
  std::uint64_t sent_caps = 0;     // share of capitalised words in the sentence, bucketed
  std::string lower_text;
};

std::string word_shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < s.size() && out.size() < 6;) {
    std::size_t len = 1;
    const char32_t c = text::decode_utf8(s, i, len);
    char k = 0;
    const auto cls = text::char_class(c);
    if (cls == text::CharClass::kLetter) {
      k = text::is_upper(c) ? 'X' : 'x';
    } else if (cls == text::CharClass::kDigit) {
      k = 'd';
    } else {
      k = c < 0x80 ? static_cast<char>(c) : '*';
    }
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) out += k;
    i += len;
  }
  return out;
}

std::uint64_t rarity_bucket(int count) {
  if (count <= 0) return 1;
  if (count == 1) return 2;
  if (count <= 4) return 3;
  if (count <= 20) return 4;
  return 5;
}

// In training, words seen once are described as unknown words would be, so that the
// affix and shape features learn to tag the unknown words of new text.
void describe(const Sentence& s, const std::unordered_map<std::string, int>& counts,
              std::vector<WordInfo>& out, bool training = false) {
  out.resize(s.tokens.size());
  std::size_t alpha = 0;
  std::size_t caps = 0;
  for (const Token& t : s.tokens) {
    const char c = t.form.empty() ? ' ' : t.form[0];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++alpha;
      caps += c <= 'Z' ? 1 : 0;
    }
  }
  const std::uint64_t sent_caps = alpha == 0 ? 0 : 1 + (caps * 4) / (alpha + 1);
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    const std::string& f = s.tokens[i].form;
    WordInfo& w = out[i];
    w.lower_text = text::ascii_lower(f);
    const std::string& l = w.lower_text;
    w.form = hash_bytes(f);
    w.lower = hash_bytes(l);
    for (std::size_t k = 0; k < 4; ++k) {
      w.prefix[k] = l.size() > k + 1 ? hash_bytes(std::string_view(l).substr(0, k + 1)) : 0;
    }
    for (std::size_t k = 0; k < 5; ++k) {
      w.suffix[k] = l.size() > k + 1 ? hash_bytes(std::string_view(l).substr(l.size() - k - 1)) : 0;
    }
    w.shape = hash_bytes(word_shape(f));
    bool hyphen = false;
    bool digit = false;
    bool upper = false;
    for (char c : f) {
      hyphen |= c == '-';
      digit |= c >= '0' && c <= '9';
      upper |= c >= 'A' && c <= 'Z';
    }
    const bool title = !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
    const auto c = counts.find(f);
    w.rarity = rarity_bucket(c == counts.end() ? 0 : c->second);
    const auto lc = counts.find(w.lower_text);
    w.lower_rarity = rarity_bucket(lc == counts.end() ? 0 : lc->second);
    w.sent_caps = sent_caps;
    if (training && w.rarity == 2) {
      w.rarity = 1;
      w.form = 0;
    }
    w.flags = (hyphen ? 1u : 0u) | (digit ? 2u : 0u) | (upper ? 4u : 0u) | (title ? 8u : 0u) |
              (i == 0 ? 16u : 0u);
  }
}

// Features of word i given the tags to its left (p1, p2) and, for the second pass, to its
// right (n1, n2; 0 in the first pass).
void features(const std::vector<WordInfo>& w, std::size_t i, std::uint64_t p1, std::uint64_t p2,
              bool second, std::uint64_t n1, std::uint64_t n2, std::vector<std::uint64_t>& f) {
  f.clear();
  const std::size_t n = w.size();
  const WordInfo& x = w[i];
  const std::uint64_t l1 = i >= 1 ? w[i - 1].lower : kStart;
  const std::uint64_t l2 = i >= 2 ? w[i - 2].lower : kStart;
  const std::uint64_t r1 = i + 1 < n ? w[i + 1].lower : kEnd;
  const std::uint64_t r2 = i + 2 < n ? w[i + 2].lower : kEnd;
  const std::uint64_t ls3 = i >= 1 ? w[i - 1].suffix[2] : kStart;
  const std::uint64_t rs3 = i + 1 < n ? w[i + 1].suffix[2] : kEnd;
  const std::uint64_t rshape = i + 1 < n ? w[i + 1].shape : kEnd;
  const std::uint32_t b = second ? 100 : 0;  // the passes use distinct weights anyway
  f.push_back(feature(b + 0, 0));
  if (x.form != 0) f.push_back(feature(b + 1, x.form));
  if (x.form != 0) f.push_back(feature(b + 2, x.lower));
  for (std::uint32_t k = 0; k < 4; ++k) {
    if (x.prefix[k] != 0) f.push_back(feature(b + 3 + k, x.prefix[k]));
  }
  for (std::uint32_t k = 0; k < 5; ++k) {
    if (x.suffix[k] != 0) f.push_back(feature(b + 7 + k, x.suffix[k]));
  }
  f.push_back(feature(b + 12, x.shape));
  f.push_back(feature(b + 13, x.flags));
  f.push_back(feature(b + 14, l1));
  f.push_back(feature(b + 15, r1));
  f.push_back(feature(b + 16, l2));
  f.push_back(feature(b + 17, r2));
  f.push_back(feature(b + 18, ls3));
  f.push_back(feature(b + 19, rs3));
  f.push_back(feature(b + 20, p1));
  f.push_back(feature(b + 21, p2));
  f.push_back(feature(b + 22, p1, p2));
  f.push_back(feature(b + 23, p1, x.lower));
  f.push_back(feature(b + 24, x.lower, r1));
  f.push_back(feature(b + 25, l1, x.lower));
  f.push_back(feature(b + 26, p1, r1));
  f.push_back(feature(b + 27, rshape));
  f.push_back(feature(b + 28, x.suffix[2], p1));
  f.push_back(feature(b + 29, x.shape, p1));
  f.push_back(feature(b + 30, x.lower, r1, r2));
  f.push_back(feature(b + 31, l1, x.lower, r1));
  f.push_back(feature(b + 36, x.flags, x.lower_rarity, x.sent_caps));
  f.push_back(feature(b + 37, x.flags, x.lower_rarity, x.suffix[1]));
  if (x.rarity <= 3) {
    f.push_back(feature(b + 32, x.rarity, x.shape));
    f.push_back(feature(b + 33, x.rarity, x.suffix[2]));
    f.push_back(feature(b + 34, x.rarity, x.flags, p1));
    f.push_back(feature(b + 35, x.rarity, x.suffix[1], r1));
  }
  if (second) {
    f.push_back(feature(b + 40, n1));
    f.push_back(feature(b + 41, n2));
    f.push_back(feature(b + 42, n1, n2));
    f.push_back(feature(b + 43, p1, n1));
    f.push_back(feature(b + 44, x.lower, n1));
    f.push_back(feature(b + 45, x.suffix[2], n1));
    f.push_back(feature(b + 46, x.shape, n1));
    f.push_back(feature(b + 47, x.lower, p1, n1));
    f.push_back(feature(b + 48, x.rarity, x.shape, n1));
  }
}

std::uint64_t tag_code(int t) { return t < 0 ? kStart : static_cast<std::uint64_t>(t) + 1; }

// One greedy pass; `first` holds the first pass's tags when `second` is set.
// The best tag (among the word's allowed tags, for frequent words) and its margin over
// the runner-up.
int best_tag(const float* scores, int classes, const TaggerModel& model, const WordInfo& w,
             float* margin = nullptr) {
  int best = -1;
  float runner = -3.0e38f;
  auto consider = [&](int t) {
    if (best < 0 || scores[t] > scores[best]) {
      if (best >= 0) runner = std::max(runner, scores[best]);
      best = t;
    } else {
      runner = std::max(runner, scores[t]);
    }
  };
  if (auto it = model.allowed.find(w.lower_text); it != model.allowed.end()) {
    for (int t : it->second) consider(t);
  } else {
    for (int t = 0; t < classes; ++t) consider(t);
  }
  if (margin != nullptr) *margin = scores[best] - runner;
  return best;
}

template <typename Scorer>
void run_pass(const Scorer& scorer, int classes, const std::vector<WordInfo>& w,
              const TaggerModel& model, bool second,
              const std::vector<int>& first, std::vector<int>& out,
              std::vector<std::uint64_t>& f, std::vector<float>& scores,
              std::vector<float>& margins) {
  const std::size_t n = w.size();
  out.assign(n, -1);
  if (!second) margins.assign(n, 3.0e38f);
  for (std::size_t i = 0; i < n; ++i) {
    if (auto it = model.dictionary.find(w[i].lower_text); it != model.dictionary.end()) {
      out[i] = it->second;
      continue;
    }
    // The second pass only revisits words the first pass was unsure of.
    if (second && margins[i] > kSureMargin) {
      out[i] = first[i];
      continue;
    }
    const std::uint64_t p1 = tag_code(i >= 1 ? out[i - 1] : -1);
    const std::uint64_t p2 = tag_code(i >= 2 ? out[i - 2] : -1);
    const std::uint64_t n1 = second ? (i + 1 < n ? tag_code(first[i + 1]) : kEnd) : 0;
    const std::uint64_t n2 = second ? (i + 2 < n ? tag_code(first[i + 2]) : kEnd) : 0;
    features(w, i, p1, p2, second, n1, n2, f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    scorer.score(f.data(), f.size(), scores.data());
    out[i] = best_tag(scores.data(), classes, model, w[i], second ? nullptr : &margins[i]);
  }
}

}  // namespace

void TaggerModel::save(BinaryWriter& w) const {
  w.put_strings(tags);
  first.save(w);
  second.save(w);
  std::vector<std::pair<std::string, int>> entries(dictionary.begin(), dictionary.end());
  std::sort(entries.begin(), entries.end());
  w.put<std::uint64_t>(entries.size());
  for (const auto& [word, tag] : entries) {
    w.put_string(word);
    w.put<std::int32_t>(tag);
  }
  std::vector<std::pair<std::string, std::vector<int>>> al(allowed.begin(), allowed.end());
  std::sort(al.begin(), al.end());
  w.put<std::uint64_t>(al.size());
  for (const auto& [word, ids] : al) {
    w.put_string(word);
    w.put_vector(ids);
  }
  std::vector<std::pair<std::string, int>> words(counts.begin(), counts.end());
  std::sort(words.begin(), words.end());
  w.put<std::uint64_t>(words.size());
  for (const auto& [word, n] : words) {
    w.put_string(word);
    w.put<std::int32_t>(n);
  }
}

bool TaggerModel::load(BinaryReader& r) {
  if (!r.get_strings(tags) || tags.empty()) return false;
  upos.clear();
  xpos.clear();
  for (const auto& t : tags) {
    const auto tab = t.find('\t');
    if (tab == std::string::npos) return false;
    upos.push_back(t.substr(0, tab));
    xpos.push_back(t.substr(tab + 1));
  }
  if (!first.load(r) || !second.load(r)) return false;
  const int n = static_cast<int>(tags.size());
  if (first.classes() != n || second.classes() != n) return false;
  std::uint64_t count = 0;
  if (!r.get(count) || count > (1u << 24)) return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string word;
    std::int32_t tag = 0;
    if (!r.get_string(word) || !r.get(tag) || tag < 0 || tag >= n) return false;
    dictionary.emplace(std::move(word), tag);
  }
  if (!r.get(count) || count > (1u << 26)) return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string word;
    std::vector<int> ids;
    if (!r.get_string(word) || !r.get_vector(ids) || ids.empty()) return false;
    for (int t : ids) {
      if (t < 0 || t >= n) return false;
    }
    allowed.emplace(std::move(word), std::move(ids));
  }
  if (!r.get(count) || count > (1u << 26)) return false;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string word;
    std::int32_t freq = 0;
    if (!r.get_string(word) || !r.get(freq)) return false;
    counts.emplace(std::move(word), freq);
  }
  return r.at_end();
}

void tag_sentence(const TaggerModel& model, Sentence& sentence) {
  if (sentence.tokens.empty()) return;
  std::vector<WordInfo> w;
  describe(sentence, model.counts, w);
  std::vector<std::uint64_t> f;
  std::vector<float> scores(model.tags.size());
  const int classes = static_cast<int>(model.tags.size());
  std::vector<int> first;
  std::vector<int> second;
  std::vector<float> margins;
  run_pass(model.first, classes, w, model, false, first, first, f, scores, margins);
  if (model.second.empty()) {
    second = first;
  } else {
    run_pass(model.second, classes, w, model, true, first, second, f, scores, margins);
  }
  for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
    const auto t = static_cast<std::size_t>(second[i]);
    sentence.tokens[i].upos = model.upos[t];
    sentence.tokens[i].xpos = model.xpos[t];
  }
}

std::shared_ptr<TaggerModel> train_tagger(const std::vector<Sentence>& train,
                                          const TaggerTrainOptions& options) {
  auto model = std::make_shared<TaggerModel>();
  std::map<std::string, int> tag_ids;
  std::map<std::string, std::map<int, int>> word_tags;
  std::vector<std::vector<int>> gold(train.size());
  for (std::size_t s = 0; s < train.size(); ++s) {
    for (const Token& t : train[s].tokens) {
      const std::string key = t.upos + "\t" + t.xpos;
      auto [it, inserted] = tag_ids.emplace(key, static_cast<int>(model->tags.size()));
      if (inserted) {
        model->tags.push_back(key);
        model->upos.push_back(t.upos);
        model->xpos.push_back(t.xpos);
      }
      gold[s].push_back(it->second);
      ++model->counts[t.form];
      ++word_tags[text::ascii_lower(t.form)][it->second];
    }
  }
  for (const auto& [word, counts] : word_tags) {
    int total = 0;
    int best = -1;
    int best_n = 0;
    for (const auto& [tag, n] : counts) {
      total += n;
      if (n > best_n) {
        best_n = n;
        best = tag;
      }
    }
    if (total >= 20 && best_n * 1000 >= total * 997) {
      model->dictionary.emplace(word, best);
    } else if (total >= kAllowedMinCount) {
      std::vector<int> tags;
      for (const auto& [tag, n] : counts) tags.push_back(tag);
      model->allowed.emplace(word, std::move(tags));
    }
  }
  const int classes = static_cast<int>(model->tags.size());
  SparseTrainer first(classes);
  SparseTrainer second(classes);
  std::vector<WordInfo> w;
  std::vector<std::uint64_t> f;
  std::vector<float> scores(static_cast<std::size_t>(classes));
  std::vector<int> guess_first;
  std::vector<int> guess_second;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::size_t correct = 0;
    std::size_t total = 0;
    for (std::size_t s : shuffled_indices(train.size(), options.seed + static_cast<std::uint64_t>(epoch))) {
      const Sentence& sent = train[s];
      describe(sent, model->counts, w, true);
      const std::size_t n = w.size();
      // First pass, left to right, with its own guesses as history.
      guess_first.assign(n, -1);
      for (std::size_t i = 0; i < n; ++i) {
        if (auto it = model->dictionary.find(w[i].lower_text); it != model->dictionary.end()) {
          guess_first[i] = it->second;
          continue;
        }
        features(w, i, tag_code(i >= 1 ? guess_first[i - 1] : -1),
                 tag_code(i >= 2 ? guess_first[i - 2] : -1), false, 0, 0, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        first.score(f.data(), f.size(), scores.data());
        const int g = best_tag(scores.data(), classes, *model, w[i]);
        first.update(f.data(), f.size(), gold[s][i], g);
        first.tick();
        guess_first[i] = g;
      }
      // Second pass over the first pass's tags.
      guess_second.assign(n, -1);
      for (std::size_t i = 0; i < n; ++i) {
        if (auto it = model->dictionary.find(w[i].lower_text); it != model->dictionary.end()) {
          guess_second[i] = it->second;
        } else {
          const std::uint64_t n1 = i + 1 < n ? tag_code(guess_first[i + 1]) : kEnd;
          const std::uint64_t n2 = i + 2 < n ? tag_code(guess_first[i + 2]) : kEnd;
          features(w, i, tag_code(i >= 1 ? guess_second[i - 1] : -1),
                   tag_code(i >= 2 ? guess_second[i - 2] : -1), true, n1, n2, f);
          std::fill(scores.begin(), scores.end(), 0.0f);
          second.score(f.data(), f.size(), scores.data());
          const int g = best_tag(scores.data(), classes, *model, w[i]);
          second.update(f.data(), f.size(), gold[s][i], g);
          second.tick();
          guess_second[i] = g;
        }
        correct += guess_second[i] == gold[s][i] ? 1 : 0;
        ++total;
      }
    }
    if (options.progress) {
      options.progress("tagger: epoch " + std::to_string(epoch + 1) + " train accuracy " +
                       std::to_string(100.0 * static_cast<double>(correct) / static_cast<double>(total)));
    }
  }
  model->first = first.finish();
  model->second = second.finish();
  return model;
}

}  // namespace dyad::nlp
